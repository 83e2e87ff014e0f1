using System.Text.RegularExpressions;
using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

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
