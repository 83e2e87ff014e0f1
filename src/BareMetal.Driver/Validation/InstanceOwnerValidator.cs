using System.Net;
using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

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
