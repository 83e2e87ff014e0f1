namespace BareMetal.Ironic.Auth;

/// <summary><c>auth_strategy = noauth</c>: nothing to add.</summary>
internal sealed class NoCredentials : IIronicCredentials
{
    public ValueTask<string?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);

    public bool Invalidate(string? rejected) => false;

    public IEnumerable<string> KnownSecrets => [];
}
