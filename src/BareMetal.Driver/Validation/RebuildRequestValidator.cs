using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace BareMetal.Driver.Validation;

/// <summary>Checks a rebuild before any call.</summary>
internal sealed class RebuildRequestValidator : AbstractValidator<RebuildRequest>
{
    public RebuildRequestValidator(IOptions<ConfigDriveOptions> drives)
    {
        RuleFor(r => r.Instance).NotNull();
        RuleFor(r => r.ImageSource).NotEmpty().MaximumLength(2048).Must(SpawnRequestValidator.BeAnImageReference)
            .WithMessage("must be a Glance image UUID or an http(s) URL without credentials");
        RuleFor(r => r.ConfigDrive).Must((r, drive) => drive is null || drive.Metadata.Uuid == r.Instance)
            .WithMessage("metadata must describe the instance being rebuilt");
        RuleFor(r => r.Image!).SetValidator(new ImageDetailsValidator()).When(r => r.Image is not null);
        RuleFor(r => r.DisplayName).MaximumLength(255).Must(s => !s.Any(char.IsControl)).WithMessage("must not contain control characters");
        RuleFor(r => r.Flavor).NotNull().SetValidator(new FlavorValidator());
        RuleForEach(r => r.RequiredTraits).Must(SpawnRequestValidator.BeATrait).WithMessage(SpawnRequestValidator.NotATrait);
        RuleFor(r => r.Capabilities!).SetValidator(new InstanceCapabilitiesValidator()).When(r => r.Capabilities is not null);
        RuleFor(r => r.Owner!).SetValidator(new InstanceOwnerValidator()).When(r => r.Owner is not null);
        RuleFor(r => r.Timeout).Must(t => t is null || (t > TimeSpan.Zero && t <= TimeSpan.FromHours(24)))
            .WithMessage("must be between 0 and 24 hours");
        RuleFor(r => r.ConfigDrive!).Custom((drive, context) => SpawnRequestValidator.CheckBuildable(drive, drives.Value, context))
            .When(r => r.ConfigDrive is not null);
    }
}
