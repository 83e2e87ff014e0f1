using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

/// <summary>Checks a rescue before any call: Ironic needs a non-empty password.</summary>
internal sealed class RescueRequestValidator : AbstractValidator<RescueRequest>
{
    public RescueRequestValidator()
    {
        RuleFor(r => r.Instance).NotNull();
        RuleFor(r => r.Password.Reveal()).NotEmpty().MaximumLength(255).Must(p => p is null || !p.Any(char.IsControl))
            .WithName("Password").WithMessage("must be 1-255 characters without control characters");
    }
}
