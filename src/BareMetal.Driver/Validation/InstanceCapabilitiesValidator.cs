using System.Text.RegularExpressions;
using BareMetal.Driver.Requests;
using FluentValidation;

namespace BareMetal.Driver.Validation;

/// <summary>Capabilities Ironic knows the values of, and the rest as safe key/value text.</summary>
internal sealed partial class InstanceCapabilitiesValidator : AbstractValidator<InstanceCapabilities>
{
    private static readonly string[] Typed = ["boot_mode", "secure_boot", "disk_label"];

    public InstanceCapabilitiesValidator()
    {
        RuleFor(c => c.BootMode).IsInEnum();
        RuleFor(c => c.DiskLabel).IsInEnum();
        RuleFor(c => c.BootMode).Equal(BootMode.Uefi).WithMessage("must be Uefi: secure boot needs UEFI").When(c => c.SecureBoot == true);
        RuleForEach(c => c.Other).Must(p => Key().IsMatch(p.Key) && !Typed.Contains(p.Key))
            .WithMessage("'{PropertyValue}' is not a capability name (a-z, 0-9, _ : . -; boot_mode, secure_boot and disk_label " +
                "have their own properties)");
        RuleForEach(c => c.Other).Must(p => p.Value is { Length: <= 255 } v && !v.Any(char.IsControl))
            .WithMessage("a capability value is at most 255 characters without control characters");
        RuleFor(c => c.Other.Count).LessThanOrEqualTo(64).WithName("Other");
    }

    [GeneratedRegex("^[a-z0-9_:.-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
