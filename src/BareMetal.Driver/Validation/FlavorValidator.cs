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
