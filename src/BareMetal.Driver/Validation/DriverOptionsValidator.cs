using FluentValidation;

namespace BareMetal.Driver.Validation;

/// <summary>Checks <see cref="DriverOptions"/> at startup.</summary>
internal sealed class DriverOptionsValidator : AbstractValidator<DriverOptions>
{
    public DriverOptionsValidator()
    {
        RuleFor(o => o.ComputeHost).NotEmpty().MaximumLength(255);
        RuleFor(o => o.FirstPollDelay).InclusiveBetween(TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        RuleFor(o => o.PollInterval).InclusiveBetween(TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5))
            .GreaterThanOrEqualTo(o => o.FirstPollDelay);
        RuleFor(o => o.DeployTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        RuleFor(o => o.UndeployTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        RuleFor(o => o.PowerTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        RuleFor(o => o.SoftPowerOffTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        RuleFor(o => o.ConsoleTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        RuleFor(o => o.RescueTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
    }
}
