using BareMetal.Driver.Errors;
using System.Text.RegularExpressions;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace BareMetal.Driver.Validation;

/// <summary>Checks a spawn before any call: what reaches Ironic is well-formed and safe to forward.</summary>
internal sealed partial class SpawnRequestValidator : AbstractValidator<SpawnRequest>
{
    public SpawnRequestValidator(IOptions<ConfigDriveOptions> drives)
    {
        RuleFor(r => r.Instance).NotNull();
        RuleFor(r => r.Node).NotNull();
        bool BootsFromVolume(SpawnRequest r) => r.Volumes.Any(v => v?.BootIndex == 0);
        RuleFor(r => r.ImageSource).NotEmpty().MaximumLength(2048).Must(s => BeAnImageReference(s!))
            .WithMessage("must be a Glance image UUID or an http(s) URL without credentials").Unless(BootsFromVolume);
        RuleFor(r => r.ImageSource).Null().WithMessage("must not be given when the instance boots from a volume (boot index 0)")
            .When(BootsFromVolume);
        RuleFor(r => r.Image!).SetValidator(new ImageDetailsValidator()).When(r => r.Image is not null);
        RuleFor(r => r.Image).Null().WithMessage("must not be given when the instance boots from a volume").When(BootsFromVolume);
        RuleFor(r => r.DisplayName).MaximumLength(255).Must(s => !s.Any(char.IsControl)).WithMessage("must not contain control characters");
        RuleFor(r => r.Flavor).NotNull().SetValidator(new FlavorValidator());
        RuleForEach(r => r.RequiredTraits).Must(BeATrait).WithMessage(NotATrait);
        RuleFor(r => r.Capabilities!).SetValidator(new InstanceCapabilitiesValidator()).When(r => r.Capabilities is not null);
        RuleFor(r => r.Owner!).SetValidator(new InstanceOwnerValidator()).When(r => r.Owner is not null);
        RuleForEach(r => r.Volumes).NotNull().SetValidator(new InstanceVolumeValidator());
        RuleFor(r => r.Volumes).Must(v => v.Where(x => x is not null).Select(x => x.BootIndex).Distinct().Count() == v.Count)
            .WithMessage("must not repeat a boot index");
        RuleFor(r => r.Volumes).Must(v => v.Where(x => x is not null).Select(x => x.VolumeId).Distinct().Count() == v.Count)
            .WithMessage("must not repeat a volume");
        RuleFor(r => r.Vifs).Must(v => v.Select(x => x.Vif).Distinct().Count() == v.Count).WithMessage("must not repeat a VIF");
        RuleFor(r => r.Timeout).Must(t => t is null || (t > TimeSpan.Zero && t <= TimeSpan.FromHours(24)))
            .WithMessage("must be between 0 and 24 hours");
        RuleFor(r => r.ConfigDrive).Must((r, drive) => drive is null || drive.Metadata.Uuid == r.Instance)
            .WithMessage("metadata must describe the instance being spawned");
        RuleFor(r => r.ConfigDrive!).Custom((drive, context) => CheckBuildable(drive, drives.Value, context))
            .When(r => r.ConfigDrive is not null);
    }

    /// <summary>Every limit the drive builder enforces, as a validation failure: no reservation for a drive that cannot be built.</summary>
    internal static void CheckBuildable<T>(ConfigDriveContent drive, ConfigDriveOptions options, ValidationContext<T> context)
    {
        try
        {
            ConfigDriveBuilder.CheckBuildable(drive, options);
        }
        catch (ConfigDriveException e)
        {
            context.AddFailure(nameof(SpawnRequest.ConfigDrive), e.Message);
        }
    }

    internal static bool BeAnImageReference(string source) =>
        Guid.TryParseExact(source, "D", out _)
        || (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            && !source.Any(char.IsControl));

    internal const string NotATrait = "'{PropertyValue}' is not a trait (CUSTOM_[A-Z0-9_]+ or a standard name)";

    internal static bool BeATrait(string trait) => trait is not null && Trait().IsMatch(trait);

    [GeneratedRegex("^(CUSTOM_[A-Z0-9_]+|[A-Z][A-Z0-9_]{2,254})$", RegexOptions.CultureInvariant)]
    private static partial Regex Trait();
}
