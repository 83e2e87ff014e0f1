using System.Net;
using System.Text;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Contract.Tests.Driver;

/// <summary>The driver on the fake.</summary>
public sealed class DriverContractOnFake(FakeTargetFixture fixture) : DriverContract, IClassFixture<FakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The driver on the real Ironic at IRONIC_URL.</summary>
[RealServer(RealIronic.Url)]
[Collection(SharedRealIronic.Name)]
public sealed class DriverContractOnRealIronic(RealTargetAtIronicUrl fixture) : DriverContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The driver's whole lifecycle against a target: spawn with a config drive and two VIFs, power, destroy.</summary>
public abstract class DriverContract
{
    protected abstract IronicTarget Target { get; }
    private IBareMetalDriver Driver => Target.Driver;

    [ContractFact]
    public async Task Spawn_with_a_config_drive_and_two_vifs_then_reboot_power_off_on_and_destroy_leave_the_node_free()
    {
        NodeId node = await Target.LeaseNodeAsync();
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        PortId? secondPort = null;
        try
        {
            secondPort = await AddPortAsync(node);
            VifId[] vifs = [VifId.FromGuid(Guid.NewGuid()), VifId.FromGuid(Guid.NewGuid())];
            Node active = await Target.RunAsync(Driver.SpawnAsync(new SpawnRequest
            {
                Instance = instance, Node = node, ImageSource = Guid.NewGuid().ToString(), DisplayName = "contract",
                Flavor = new Flavor { RootGb = 10, Vcpus = 8, MemoryMb = 16384 },
                Vifs = [.. vifs.Select(v => new InstanceVif(v, "net-" + v.ToString()[..4], [new InstanceSubnet("10.0.0.0/24")]))],
                ConfigDrive = new ConfigDriveContent
                {
                    Metadata = new InstanceMetadata { Uuid = instance, Name = "contract", Hostname = "contract.novalocal" },
                    UserData = new Secret<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("#cloud-config\n")),
                },
            }));
            Assert.Equal(ProvisionState.Active, active.ProvisionState);
            Assert.Equal(instance, active.InstanceUuid);
            Assert.Equal(vifs.Select(v => v.ToString()).Order(), (await Target.Client.ListVifsAsync(node)).Select(v => v.ToString()).Order());

            await Target.RunAsync(Driver.RebootAsync(instance, soft: false));
            await Target.RunAsync(Driver.PowerOffAsync(instance));
            Assert.Equal(PowerState.PowerOff, (await Target.Client.GetNodeStatesAsync(node)).PowerState);
            await Target.RunAsync(Driver.PowerOnAsync(instance));
            Assert.Equal(PowerState.PowerOn, (await Target.Client.GetNodeStatesAsync(node)).PowerState);

            await Target.RunAsync(Driver.DestroyAsync(new DestroyRequest { Instance = instance }));
            Node free = await Target.WaitUntilAsync(() => Target.Client.GetNodeAsync(node, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null, "available");
            Assert.Null(free.InstanceUuid);
            Assert.Empty(await Target.Client.ListVifsAsync(node));
            Assert.False(await Target.RunAsync(Driver.InstanceExistsAsync(instance)));
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
            if (secondPort is not null) { await DeletePortAsync(secondPort); }
        }
    }

    private async Task<PortId> AddPortAsync(NodeId node)
    {
        using HttpClient http = Target.CreateRawClient();
        string mac = "52:54:01:" + string.Join(':', Guid.NewGuid().ToByteArray()[..3].Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        using HttpResponseMessage created = await http.PostAsync("/v1/ports", new StringContent($$"""{"node_uuid":"{{node}}","address":"{{mac}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return PortId.Parse(body.RootElement.GetProperty("uuid").GetString()!);
    }

    private async Task DeletePortAsync(PortId port)
    {
        using HttpClient http = Target.CreateRawClient();
        (await http.DeleteAsync($"/v1/ports/{port}")).Dispose();
    }
}
