using System.Net;
using System.Text.RegularExpressions;
using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

/// <summary>The flavor's sizes: what Ironic takes as whole numbers in instance_info.</summary>
internal sealed class FlavorValidator : AbstractValidator<Flavor>
{
    public FlavorValidator()
    {
        RuleFor(f => f.RootGb).InclusiveBetween(0, 1_000_000);
        RuleFor(f => f.SwapMb).InclusiveBetween(0, 10_000_000);
        RuleFor(f => f.EphemeralGb).InclusiveBetween(0, 1_000_000);
        RuleFor(f => f.Vcpus).InclusiveBetween(1, 100_000);
        RuleFor(f => f.MemoryMb).InclusiveBetween(1, 100_000_000);
        RuleFor(f => f.Name).MaximumLength(255).Must(n => n is null || !n.Any(char.IsControl))
            .WithMessage("must not contain control characters");
    }
}

/// <summary>What the image says: a checksum of the right form, and a partition image's kernel and ramdisk.</summary>
internal sealed partial class ImageDetailsValidator : AbstractValidator<ImageDetails>
{
    private static readonly Dictionary<string, int> HashLengths =
        new(StringComparer.Ordinal) { ["md5"] = 32, ["sha256"] = 64, ["sha512"] = 128 };

    public ImageDetailsValidator()
    {
        RuleFor(i => i.Type).IsInEnum();
        RuleFor(i => i.OsHashAlgo).Must(a => a is null || HashLengths.ContainsKey(a)).WithMessage("must be md5, sha256 or sha512");
        RuleFor(i => i.OsHashValue).Must((i, v) => (v is null) == (i.OsHashAlgo is null))
            .WithMessage("must be given together with OsHashAlgo");
        RuleFor(i => i.OsHashValue).Must((i, v) => Hex().IsMatch(v!) && HashLengths.GetValueOrDefault(i.OsHashAlgo!) == v!.Length)
            .WithMessage("must be the lower-case hex digest of its algorithm")
            .When(i => i.OsHashValue is not null && i.OsHashAlgo is not null);
        RuleFor(i => i.Checksum).Must(c => c is null || (c.Length == 32 && Hex().IsMatch(c)))
            .WithMessage("must be an MD5 checksum: 32 lower-case hex digits");
        RuleFor(i => i.Kernel).NotEmpty().Must(k => SpawnRequestValidator.BeAnImageReference(k!))
            .WithMessage("must be a Glance image UUID or an http(s) URL without credentials for a partition image")
            .When(i => i.Type == ImageType.Partition);
        RuleFor(i => i.Ramdisk).NotEmpty().Must(r => SpawnRequestValidator.BeAnImageReference(r!))
            .WithMessage("must be a Glance image UUID or an http(s) URL without credentials for a partition image")
            .When(i => i.Type == ImageType.Partition);
        RuleFor(i => i.Kernel).Null().WithMessage("goes only with a partition image").When(i => i.Type == ImageType.WholeDisk);
        RuleFor(i => i.Ramdisk).Null().WithMessage("goes only with a partition image").When(i => i.Type == ImageType.WholeDisk);
        RuleForEach(i => i.RequiredTraits).Must(SpawnRequestValidator.BeATrait).WithMessage(SpawnRequestValidator.NotATrait);
    }

    [GeneratedRegex("^[0-9a-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();
}

/// <summary>Capabilities Ironic knows the values of, and the rest as safe key/value text.</summary>
internal sealed partial class InstanceCapabilitiesValidator : AbstractValidator<InstanceCapabilities>
{
    private static readonly string[] Typed = ["boot_mode", "secure_boot", "disk_label"];

    public InstanceCapabilitiesValidator()
    {
        RuleFor(c => c.BootMode).IsInEnum();
        RuleFor(c => c.DiskLabel).IsInEnum();
        RuleFor(c => c.BootMode).Equal(BootMode.Uefi).WithMessage("must be Uefi: secure boot needs UEFI").When(c => c.SecureBoot == true);
        RuleForEach(c => c.Other).Must(p => Key().IsMatch(p.Key) && !Typed.Contains(p.Key))
            .WithMessage("'{PropertyValue}' is not a capability name (a-z, 0-9, _ : . -; boot_mode, secure_boot and disk_label " +
                "have their own properties)");
        RuleForEach(c => c.Other).Must(p => p.Value is { Length: <= 255 } v && !v.Any(char.IsControl))
            .WithMessage("a capability value is at most 255 characters without control characters");
        RuleFor(c => c.Other.Count).LessThanOrEqualTo(64).WithName("Other");
    }

    [GeneratedRegex("^[a-z0-9_:.-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}

/// <summary>Owner data: ids and names as text, floating IPs as addresses.</summary>
internal sealed class InstanceOwnerValidator : AbstractValidator<InstanceOwner>
{
    public InstanceOwnerValidator()
    {
        RuleFor(o => o.ProjectId).NotEmpty().MaximumLength(255).Must(BeText).WithMessage("must not contain control characters");
        RuleFor(o => o.UserId).NotEmpty().MaximumLength(255).Must(BeText).WithMessage("must not contain control characters");
        RuleFor(o => o.ProjectName).MaximumLength(255).Must(n => n is null || BeText(n)).WithMessage("must not contain control characters");
        RuleFor(o => o.UserName).MaximumLength(255).Must(n => n is null || BeText(n)).WithMessage("must not contain control characters");
        RuleForEach(o => o.FloatingIps).Must(ip => IPAddress.TryParse(ip, out _)).WithMessage("'{PropertyValue}' is not an IP address");
    }

    private static bool BeText(string text) => !text.Any(char.IsControl);
}

/// <summary>A volume Ironic can take as a target.</summary>
internal sealed class InstanceVolumeValidator : AbstractValidator<InstanceVolume>
{
    private static readonly string[] VolumeTypes = ["iscsi", "fibre_channel", "rbd", "nvmeof"];

    public InstanceVolumeValidator()
    {
        RuleFor(v => v.VolumeId).NotEmpty().MaximumLength(36).Must(id => !id.Any(char.IsControl))
            .WithMessage("must not contain control characters");
        RuleFor(v => v.VolumeType).Must(t => VolumeTypes.Contains(t)).WithMessage("must be iscsi, fibre_channel, rbd or nvmeof");
        RuleFor(v => v.BootIndex).InclusiveBetween(0, 1024);
        RuleFor(v => v.Properties).NotNull().Must(p => p.Count <= 64).WithMessage("must have at most 64 entries");
    }
}

/// <summary>A connector request: the instance, and a host name the connector may carry.</summary>
internal sealed class VolumeConnectorRequestValidator : AbstractValidator<VolumeConnectorRequest>
{
    public VolumeConnectorRequestValidator()
    {
        RuleFor(r => r.Instance).NotNull();
        RuleFor(r => r.Hostname).NotEmpty().MaximumLength(255).Must(h => !h.Any(char.IsControl))
            .WithMessage("must not contain control characters");
    }
}
