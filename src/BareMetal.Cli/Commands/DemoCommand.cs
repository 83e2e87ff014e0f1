using System.CommandLine;
using System.Globalization;
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Console;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal demo</c>: the README's main job.</summary>
internal static class DemoCommand
{
    public static Command Create(CliIo io)
    {
        var nodes = new Option<int>("--nodes")
        {
            Description = "Nodes in the fake (1-10000)",
            DefaultValueFactory = _ => CliSession.DefaultFakeNodes,
        };
        var command = new Command("demo", "The whole lifecycle on an embedded fake Ironic, with a summary") { nodes };
        command.SetAction((parse, ct) => CliSession.GuardAsync(io, ct, () =>
        {
            int count = parse.GetValue(nodes);
            return count is < 1 or > 10_000 ? throw new UsageException("--nodes must be from 1 to 10000") : RunAsync(count, io.Output, ct);
        }));
        return command;
    }

    /// <summary><c>baremetal demo</c>: the whole lifecycle on an in-process fake, with progress, then a summary.</summary>
    private static async Task<int> RunAsync(int count, TextWriter output, CancellationToken cancellationToken)
    {
        var fake = new FakeIronic(new FakeIronicOptions
        {
            Timings = new FakeIronicTimings
            {
                Deploying = TimeSpan.FromMilliseconds(400),
                Deleting = TimeSpan.FromMilliseconds(200),
                Cleaning = TimeSpan.FromMilliseconds(200),
                Power = TimeSpan.FromMilliseconds(100),
                Console = TimeSpan.FromMilliseconds(100),
            },
        });
        fake.EnrollNodes(count, (_, spec) => spec with { Ports = 2 });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIronicClient(o => o.Endpoint = new Uri("http://fake-ironic.invalid")).UseFakeIronic(fake);
        services.AddBareMetalDriver(o =>
        {
            o.ComputeHost = "demo";
            o.FirstPollDelay = TimeSpan.FromMilliseconds(50);
            o.PollInterval = TimeSpan.FromMilliseconds(200);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBareMetalDriver driver = provider.GetRequiredService<IBareMetalDriver>();
        long started = TimeProvider.System.GetTimestamp();
        string Elapsed() => TimeProvider.System.GetElapsedTime(started).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
        async Task Step(string what, Func<Task<string>> run)
        {
            await output.WriteAsync($"{what} ... ").ConfigureAwait(false);
            string result = await run().ConfigureAwait(false);
            await output.WriteLineAsync($"{result} ({Elapsed()} ms)").ConfigureAwait(false);
        }

        NodeSnapshot snapshot = null!;
        await Step($"refreshing the resource cache of a fake Ironic with {count} nodes", async () =>
        {
            snapshot = await provider.GetRequiredService<INodeResourceCache>().RefreshAsync(cancellationToken).ConfigureAwait(false);
            return $"{snapshot.Query(available: true).Count()} available";
        }).ConfigureAwait(false);
        NodeResources node = snapshot.Query(available: true).First();
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        await Step($"spawning instance {instance} on node {node.Node} with a config drive and two VIFs", async () =>
        {
            Node active = await driver.SpawnAsync(new SpawnRequest
            {
                Instance = instance,
                Node = node.Node,
                ImageSource = Guid.NewGuid().ToString(),
                DisplayName = "demo",
                Vifs =
                [
                    new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-a",
                        [new InstanceSubnet("10.0.0.0/24") { IpAddress = "10.0.0.5", Gateway = "10.0.0.1" }]),
                    new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-b", [new InstanceSubnet("10.1.0.0/24")]),
                ],
                ConfigDrive = new ConfigDriveContent
                {
                    Metadata = new InstanceMetadata { Uuid = instance, Name = "demo", Hostname = "demo.novalocal" },
                },
            }, cancellationToken).ConfigureAwait(false);
            return $"{active.ProvisionState?.Value}, {active.PowerState?.Value}";
        }).ConfigureAwait(false);
        await Step("opening the serial console", async () =>
        {
            SerialConsole console = await driver.GetSerialConsoleAsync(instance,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return $"tcp://{console.Endpoint.Host}:{console.Endpoint.Port}";
        }).ConfigureAwait(false);
        await Step("rebooting (soft)", async () =>
        {
            await driver.RebootAsync(instance, soft: true, cancellationToken).ConfigureAwait(false);
            return "done";
        }).ConfigureAwait(false);
        await Step("destroying", async () =>
        {
            await driver.DestroyAsync(new DestroyRequest { Instance = instance }, cancellationToken).ConfigureAwait(false);
            return "node released";
        }).ConfigureAwait(false);
        FakeNodeView after = fake.GetNode(node.Node);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"summary: {fake.Requests.Count} Ironic calls in {Elapsed()} ms; node {after.Uuid} is {after.ProvisionState} with no " +
                $"instance and {after.Vifs.Count} VIFs")).ConfigureAwait(false);
        return 0;
    }

}
