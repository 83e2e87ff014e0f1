using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

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
