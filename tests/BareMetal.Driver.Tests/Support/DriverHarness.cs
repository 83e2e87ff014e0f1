using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Locking;
using BareMetal.Driver.Requests;
using BareMetal.Ironic;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver.Tests.Support;

/// <summary>The driver through its DI registration, over the fake Ironic, all on one manual clock.</summary>
internal sealed class DriverHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public DriverHarness(int nodes = 2, FakeIronicOptions? fakeOptions = null, int seed = 0, int maxRetries = 5, FakeBasicAuth? basicAuth = null,
        Action<ConfigDriveOptions>? driveOptions = null)
    {
        Fake = new FakeIronic(fakeOptions ?? new FakeIronicOptions(), Time, seed);
        Nodes = Fake.EnrollNodes(nodes, (_, spec) => spec with { Ports = 2, Traits = ["CUSTOM_GOLD"] });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddIronicClient(o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:6385");
            o.MaxRetries = maxRetries;
            o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24);   // the longest allowed: the test clock moves in steps while requests are in flight
            if (basicAuth is not null)
            {
                o.Auth.Type = IronicAuthType.HttpBasic;
                o.Auth.Username = basicAuth.Username;
                o.Auth.Password = basicAuth.Password;
            }
        }).UseFakeIronic(Fake);
        services.AddBareMetalDriver(o => o.ComputeHost = "compute-1", driveOptions);
        _provider = services.BuildServiceProvider();
        Driver = _provider.GetRequiredService<IBareMetalDriver>();
        Client = _provider.GetRequiredService<IIronicClient>();
        Locks = _provider.GetRequiredService<NodeLocks>();
    }

    public FakeTimeProvider Time { get; } = new();
    public FakeLogCollector Logs { get; } = new();
    public FakeIronic Fake { get; }
    public IReadOnlyList<NodeId> Nodes { get; }
    public IBareMetalDriver Driver { get; }
    public IIronicClient Client { get; }
    public NodeLocks Locks { get; }

    public Task<T> Run<T>(Task<T> task) => Time.RunUntilCompletedAsync(task);
    public Task Run(Task task) => Time.RunUntilCompletedAsync(task);

    public static SpawnRequest Spawn(NodeId node, InstanceId? instance = null, int vifs = 2)
    {
        InstanceId id = instance ?? InstanceId.FromGuid(Guid.NewGuid());
        return new SpawnRequest
        {
            Instance = id, Node = node, ImageSource = "c1e5a3f6-0000-4000-8000-00000000000e", DisplayName = "vm-1",
            Flavor = new Flavor { RootGb = 10, Vcpus = 8, MemoryMb = 16384 }, RequiredTraits = ["CUSTOM_GOLD"],
            Vifs = [.. Enumerable.Range(0, vifs).Select(i => new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-" + i, [new InstanceSubnet("10.0.0.0/24")]))],
            ConfigDrive = new ConfigDriveContent
            {
                Metadata = new InstanceMetadata { Uuid = id, Name = "vm-1", Hostname = "vm-1.novalocal" },
                UserData = new BareMetal.Ironic.Logging.Secret<ReadOnlyMemory<byte>>("#cloud-config\n"u8.ToArray()),
                Files = [new InjectedFile("/etc/motd", "hi\n"u8.ToArray())],
            },
        };
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
