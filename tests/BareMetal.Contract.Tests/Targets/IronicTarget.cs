using System.Collections.Concurrent;
using BareMetal.Ironic;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BareMetal.Contract.Tests.Targets;

/// <summary>
/// One Ironic the contract suite runs against, seen only through <see cref="IIronicClient"/>: tests never build URLs
/// themselves, so the same suite can run against the fake. Hands out available nodes one test at a time.
/// </summary>
public sealed class IronicTarget : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ConcurrentQueue<NodeId> _free = new();
    private readonly SemaphoreSlim _discovery = new(1, 1);
    private bool _discovered;

    private IronicTarget(string name, ServiceProvider provider, Uri endpoint)
    {
        Name = name;
        _provider = provider;
        Endpoint = endpoint;
        Client = provider.GetRequiredService<IIronicClient>();
    }

    public string Name { get; }
    public Uri Endpoint { get; }
    public IIronicClient Client { get; }

    /// <summary>The real Ironic named by IRONIC_URL (auth from IRONIC_AUTH, IRONIC_USERNAME, IRONIC_PASSWORD).</summary>
    public static IronicTarget Real()
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("IRONIC_URL") ?? throw new InvalidOperationException("IRONIC_URL is not set."));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddIronicClient(o =>
        {
            o.Endpoint = endpoint;
            if (Environment.GetEnvironmentVariable("IRONIC_AUTH") == "http_basic")
            {
                o.Auth.Type = IronicAuthType.HttpBasic;
                o.Auth.Username = Environment.GetEnvironmentVariable("IRONIC_USERNAME");
                o.Auth.Password = Environment.GetEnvironmentVariable("IRONIC_PASSWORD");
            }
        });
        return new IronicTarget("real", services.BuildServiceProvider(), endpoint);
    }

    /// <summary>An available node with no instance and no maintenance, for this test alone. Give it back with <see cref="ReturnAsync"/>.</summary>
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

    /// <summary>Returns a node to the pool once a test has put it back to available with no instance.</summary>
    public void Return(NodeId nodeId) => _free.Enqueue(nodeId);

    public async ValueTask DisposeAsync()
    {
        _discovery.Dispose();
        await _provider.DisposeAsync();
    }
}
