using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

/// <summary>Checks a destroy before any call.</summary>
internal sealed class DestroyRequestValidator : AbstractValidator<DestroyRequest>
{
    public DestroyRequestValidator()
    {
        RuleFor(r => r.Instance).NotNull();
        RuleFor(r => r.Timeout).Must(t => t is null || (t > TimeSpan.Zero && t <= TimeSpan.FromHours(24)))
            .WithMessage("must be between 0 and 24 hours");
        RuleForEach(r => r.VolumeIds).NotEmpty().MaximumLength(36);
    }
}
