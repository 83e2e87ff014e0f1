using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Benchmarks.Driver;

/// <summary>
/// Spawn + destroy rounds through the driver, printing Ironic calls per operation (from the driver's own metric) and
/// timings. On the in-process fake (instant transitions) by default; on a real Ironic with --ironic-url.
/// </summary>
internal static class LifecycleBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? url = args.SkipWhile(a => a != "--ironic-url").Skip(1).FirstOrDefault();
        int rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "200", CultureInfo.InvariantCulture);

        var calls = new Dictionary<string, List<long>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) => { if (i.Meter.Name == DriverDiagnostics.Name && i.Name == "baremetal.driver.operation.ironic_calls") { l.EnableMeasurementEvents(i); } },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string operation = (string)tags.ToArray().First(t => t.Key == "operation").Value!;
            lock (calls) { (calls.TryGetValue(operation, out var list) ? list : calls[operation] = []).Add(value); }
        });
        listener.Start();

        var services = new ServiceCollection();
        services.AddLogging();
        FakeIronic? fake = null;
        IHttpClientBuilder http = services.AddIronicClient(o => o.Endpoint = new Uri(url ?? "http://fake-ironic.invalid"));
        if (url is null)
        {
            fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
            fake.EnrollNodes(8, (_, spec) => spec with { Ports = 2 });
            http.UseFakeIronic(fake);
        }
        services.AddBareMetalDriver(o => { o.ComputeHost = "bench"; o.FirstPollDelay = TimeSpan.FromMilliseconds(50); o.PollInterval = TimeSpan.FromSeconds(1); });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBareMetalDriver driver = provider.GetRequiredService<IBareMetalDriver>();
        var client = provider.GetRequiredService<BareMetal.Ironic.IIronicClient>();
        NodeId node = await FirstFreeNodeAsync(client);

        var spawnTimes = new List<double>();
        var total = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            SpawnRequest request = Request(node);
            var one = Stopwatch.StartNew();
            await driver.SpawnAsync(request);
            spawnTimes.Add(one.Elapsed.TotalMilliseconds);
            await driver.DestroyAsync(new DestroyRequest { Instance = request.Instance, Node = node });
            if (url is not null) { await WaitAvailableAsync(client, node); }
        }
        total.Stop();
        spawnTimes.Sort();
        Console.WriteLine($"target: {(url is null ? "in-process fake (instant transitions)" : url)}, rounds: {rounds}");
        foreach ((string operation, List<long> values) in calls.OrderBy(c => c.Key))
        {
            Console.WriteLine($"{operation}: Ironic calls per operation median {Median(values)}, min {values.Min()}, max {values.Max()}");
        }
        Console.WriteLine($"spawn: median {spawnTimes[spawnTimes.Count / 2]:F1} ms, max {spawnTimes[^1]:F1} ms");
        Console.WriteLine($"spawn+destroy: {rounds / total.Elapsed.TotalSeconds:F1} per second");
        return 0;
    }

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);

    private static SpawnRequest Request(NodeId node)
    {
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        return new SpawnRequest
        {
            Instance = instance, Node = node, ImageSource = Guid.NewGuid().ToString(), DisplayName = "bench",
            Flavor = new Flavor { RootGb = 10, Vcpus = 8, MemoryMb = 16384 },
            Vifs = [new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-a", [new InstanceSubnet("10.0.0.0/24")])],
            ConfigDrive = new ConfigDriveContent
            {
                Metadata = new InstanceMetadata { Uuid = instance, Name = "bench", Hostname = "bench.novalocal" },
                UserData = new Secret<ReadOnlyMemory<byte>>("#cloud-config\n"u8.ToArray()),
            },
        };
    }

    private static async Task<NodeId> FirstFreeNodeAsync(BareMetal.Ironic.IIronicClient client)
    {
        await foreach (Node n in client.ListNodesAsync(new NodeQuery { ProvisionState = ProvisionState.Available, Associated = false, Fields = ["uuid"] }))
        {
            return n.Uuid;
        }
        throw new InvalidOperationException("No available node.");
    }

    /// <summary>Destroy is done once Ironic cleans; the next spawn on the same node needs it available.</summary>
    private static async Task WaitAvailableAsync(BareMetal.Ironic.IIronicClient client, NodeId node)
    {
        while ((await client.GetNodeAsync(node, ["uuid", "provision_state"])).ProvisionState != ProvisionState.Available)
        {
            await Task.Delay(50);
        }
    }
}
