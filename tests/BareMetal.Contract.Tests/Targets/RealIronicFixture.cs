namespace BareMetal.Contract.Tests.Targets;

/// <summary>Shares one real target (and its node pool) across the contract tests; built only when IRONIC_URL is set.</summary>
public sealed class RealIronicFixture : IAsyncLifetime
{
    private IronicTarget? _target;

    public IronicTarget Target => _target ?? throw new InvalidOperationException("IRONIC_URL is not set.");

    public Task InitializeAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("IRONIC_URL")))
        {
            _target = IronicTarget.Real();
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_target is not null) { await _target.DisposeAsync(); }
    }
}

[CollectionDefinition(Name)]
public sealed class RealIronicGroup : ICollectionFixture<RealIronicFixture>
{
    public const string Name = "real Ironic";
}
