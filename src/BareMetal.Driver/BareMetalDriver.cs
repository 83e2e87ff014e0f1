using BareMetal.Driver.Destroying;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Spawning;
using BareMetal.Ironic.Models;
using FluentValidation;
using FluentValidation.Results;

namespace BareMetal.Driver;

/// <summary>The driver's one entry point: validates each request, then hands it to its workflow.</summary>
internal sealed class BareMetalDriver(SpawnWorkflow spawn, DestroyWorkflow destroy, IValidator<SpawnRequest> spawnValidator, IValidator<DestroyRequest> destroyValidator)
    : IBareMetalDriver
{
    public async Task<Node> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken = default)
    {
        Validate(spawnValidator, request);
        return await spawn.SpawnAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task DestroyAsync(DestroyRequest request, CancellationToken cancellationToken = default)
    {
        Validate(destroyValidator, request);
        await destroy.DestroyAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Validate<T>(IValidator<T> validator, T request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidationResult result = validator.Validate(request);
        if (!result.IsValid)
        {
            string[] problems = [.. result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];
            throw new InvalidDriverRequestException($"Invalid {typeof(T).Name}: {string.Join("; ", problems)}", problems);
        }
    }
}
