// A user's program: it references BareMetal.Driver and BareMetal.Ironic.Fake as packages and nothing of the
// repository, spawns an instance on the fake Ironic, destroys it, and exits 0 only when the node ends as found.
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;
using BareMetal.Ironic;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
NodeId node = fake.EnrollNodes(1)[0];

var services = new ServiceCollection().AddLogging();
services.AddIronicClient(o => o.Endpoint = new Uri("http://ironic.test")).UseFakeIronic(fake);
services.AddBareMetalDriver(o => o.ComputeHost = "consumer");
await using ServiceProvider provider = services.BuildServiceProvider();
var driver = provider.GetRequiredService<IBareMetalDriver>();

var instance = InstanceId.FromGuid(Guid.NewGuid());
Node deployed = await driver.SpawnAsync(new SpawnRequest
{
    Instance = instance,
    Node = node,
    ImageSource = "https://images.example/os.qcow2",
    Vifs = [new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "tenant-net", [new InstanceSubnet("10.0.0.0/24")])],
    ConfigDrive = new ConfigDriveContent { Metadata = new InstanceMetadata { Uuid = instance, Name = "pkg", Hostname = "pkg" } },
});
Console.WriteLine($"spawned {instance} on {deployed.Uuid}: {deployed.ProvisionState}");
if (deployed.ProvisionState != ProvisionState.Active) { return 1; }

await driver.DestroyAsync(new DestroyRequest { Instance = instance });
FakeNodeView after = fake.GetNode(node);
Console.WriteLine($"destroyed {instance}: node {after.ProvisionState}, instance {after.InstanceUuid?.ToString() ?? "none"}");
return after.ProvisionState == ProvisionState.Available && after.InstanceUuid is null && after.Vifs.Count == 0 ? 0 : 1;
