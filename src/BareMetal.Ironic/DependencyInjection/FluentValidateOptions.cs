using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace BareMetal.Ironic.DependencyInjection;

/// <summary>Runs a FluentValidation validator as an options validator, so <c>ValidateOnStart</c> stops a misconfigured host.</summary>
internal sealed class FluentValidateOptions<T>(IValidator<T> validator) : IValidateOptions<T> where T : class
{
    // Messages name the property, never the attempted value: some options hold secrets.
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ValidationResult result = validator.Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
    }
}
