using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

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
