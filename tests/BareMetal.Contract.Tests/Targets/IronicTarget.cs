using System.Collections.Concurrent;
using BareMetal.Driver;
using BareMetal.Ironic;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BareMetal.Contract.Tests.Targets;

/// <summary>
/// One Ironic the contract suite runs against (the fake or a real one), seen through <see cref="IIronicClient"/> and,
/// for what the typed client hides, a raw HTTP client. Retries are off: the suite sees exactly what the server answers.
/// Hands out available nodes one test at a time.
/// </summary>
public abstract class IronicTarget : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ConcurrentQueue<NodeId> _free = new();
    private readonly SemaphoreSlim _discovery = new(1, 1);
    private readonly Action<IServiceCollection, IHttpClientBuilder>? _configure;
    private bool _discovered;

    protected IronicTarget(string name, Uri endpoint, Action<IServiceCollection, IHttpClientBuilder>? configure = null)
    {
        Name = name;
        Endpoint = endpoint;
        _configure = configure;
        _provider = Build("contract-tests");
        Client = _provider.GetRequiredService<IIronicClient>();
        Driver = _provider.GetRequiredService<IBareMetalDriver>();
    }

    /// <summary>A second compute service's driver over the same Ironic (its own client, locks and cache); dispose it after use.</summary>
    public (IBareMetalDriver Driver, IAsyncDisposable Scope) CreateDriver(string host)
    {
        ServiceProvider provider = Build(host);
        return (provider.GetRequiredService<IBareMetalDriver>(), provider);
    }

    /// <summary>Stops and starts Ironic while work is in flight (the fake: refuses the next connections as a down server would).</summary>
    public abstract Task RestartAsync();

    private ServiceProvider Build(string host)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        IHttpClientBuilder http = services.AddIronicClient(o =>
        {
            o.Endpoint = Endpoint;
            o.MaxRetries = 0;
            o.PageSize = 5;   // every listing spans pages, so paging is part of every contract
            if (Environment.GetEnvironmentVariable("IRONIC_AUTH") == "http_basic")
            {
                o.Auth.Type = IronicAuthType.HttpBasic;
                o.Auth.Username = Environment.GetEnvironmentVariable("IRONIC_USERNAME");
                o.Auth.Password = Environment.GetEnvironmentVariable("IRONIC_PASSWORD");
            }
        });
        services.AddBareMetalDriver(o => o.ComputeHost = host, configureCache: o => o.ConductorGroup = "");
        _configure?.Invoke(services, http);
        return services.BuildServiceProvider();
    }

    public string Name { get; }
    public Uri Endpoint { get; }
    public IIronicClient Client { get; }

    /// <summary>The target's services (client, driver, resource cache).</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The compute driver over this target's client.</summary>
    public IBareMetalDriver Driver { get; }

    /// <summary>Runs a driver operation: on a real server it simply runs, on the fake the fake's clock is moved for its waits.</summary>
    public abstract Task<T> RunAsync<T>(Task<T> operation);

    /// <summary>As <see cref="RunAsync{T}"/> for operations without a result.</summary>
    public async Task RunAsync(Task operation) => await RunAsync(operation.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default));

    /// <summary>A plain HTTP client at API 1.82, for status codes, headers and bodies the typed client does not expose.</summary>
    public HttpClient CreateRawClient()
    {
        HttpClient http = CreateHttpClient();
        http.BaseAddress = Endpoint;
        http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.82");
        return http;
    }

    protected abstract HttpClient CreateHttpClient();

    /// <summary>Reads until <paramref name="done"/> holds: a real server moves on its own clock, the fake's clock is moved forward.</summary>
    public abstract Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what);

    /// <summary>An available node with no instance and no maintenance, for this test alone. Give it back with <see cref="Return"/>.</summary>
    public async Task<NodeId> LeaseNodeAsync()
    {
        await _discovery.WaitAsync();
        try
        {
            if (!_discovered)
            {
                await foreach (Node node in Client.ListNodesAsync(new NodeQuery
                {
                    Fields = ["uuid", "provision_state", "instance_uuid", "maintenance"],
                    ProvisionState = ProvisionState.Available, Associated = false, Maintenance = false,
                }))
                {
                    _free.Enqueue(node.Uuid);
                }
                _discovered = true;
            }
        }
        finally
        {
            _discovery.Release();
        }
        return _free.TryDequeue(out NodeId? id) ? id : throw new InvalidOperationException($"The {Name} Ironic has no free available node left; enroll more.");
    }

    /// <summary>Puts a node a test deployed or reserved back to available with no instance, then returns it to the pool.</summary>
    public async Task ReturnAfterUseAsync(NodeId nodeId)
    {
        Node node = await WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "the node to settle");
        if (node.ProvisionState != ProvisionState.Available)
        {
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted));
            node = await WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "the node to be free");
        }
        if (node.InstanceUuid is not null) { await Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Remove("/instance_uuid")]); }
        if (node.ProvisionState == ProvisionState.Available) { Return(nodeId); }
    }

    /// <summary>Returns a node to the pool once a test has put it back to available with no instance.</summary>
    public void Return(NodeId nodeId) => _free.Enqueue(nodeId);

    public async ValueTask DisposeAsync()
    {
        _discovery.Dispose();
        await _provider.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A real Ironic at the URL in an environment variable (auth from IRONIC_AUTH, IRONIC_USERNAME, IRONIC_PASSWORD).</summary>
public sealed class RealIronicTarget(string name, Uri endpoint) : IronicTarget(name, endpoint)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    protected override HttpClient CreateHttpClient() => new();

    public override Task<T> RunAsync<T>(Task<T> operation) => operation;

    public override async Task RestartAsync()
    {
        string command = Environment.GetEnvironmentVariable(RealIronic.SlowRestart)
            ?? throw new InvalidOperationException($"{RealIronic.SlowRestart} is not set.");
        using var restart = System.Diagnostics.Process.Start("/bin/bash", ["-c", command]);
        await restart.WaitForExitAsync();
        if (restart.ExitCode != 0) { throw new InvalidOperationException($"Restarting Ironic ({command}) exited {restart.ExitCode}."); }
    }

    public override async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        T last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline) { throw new TimeoutException($"Gave up waiting for {what} on the real Ironic; last seen: {last}"); }
            await Task.Delay(Interval);
            last = await read();
        }
        return last;
    }
}
