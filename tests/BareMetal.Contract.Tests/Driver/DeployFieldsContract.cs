using System.Text.Json;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Contract.Tests.Driver;

/// <summary>Spawn fields, boot from volume and deploy templates on the fake.</summary>
public sealed class DeployFieldsContractOnFake(FakeTargetFixture fixture) : DeployFieldsContract, IClassFixture<FakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The same on the real Ironic at IRONIC_URL.</summary>
[RealServer(RealIronic.Url)]
[Collection(SharedRealIronic.Name)]
public sealed class DeployFieldsContractOnRealIronic(RealTargetAtIronicUrl fixture) : DeployFieldsContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>What Ironic stores of the new spawn fields, volume targets around a volume boot, and a deploy template's life.</summary>
public abstract class DeployFieldsContract
{
    protected abstract IronicTarget Target { get; }

    private SpawnRequest Spawn(NodeId node) => new()
    {
        Instance = InstanceId.FromGuid(Guid.NewGuid()), Node = node, ImageSource = Guid.NewGuid().ToString(), DisplayName = "fields",
        Flavor = new Flavor { Name = "bm.gold", RootGb = 10, Vcpus = 8, MemoryMb = 16384 },
    };

    private async Task<IReadOnlyDictionary<string, JsonElement>> InstanceInfoAsync(NodeId node) =>
        (await Target.Client.GetNodeAsync(node, ["uuid", "instance_info"])).InstanceInfo ?? new Dictionary<string, JsonElement>();

    [ContractFact]
    public async Task A_uefi_secure_boot_spawn_writes_the_capabilities_and_owner_data_Ironic_stores()
    {
        NodeId node = await Target.LeaseNodeAsync();
        SpawnRequest request = Spawn(node) with
        {
            Capabilities = new InstanceCapabilities { BootMode = BootMode.Uefi, SecureBoot = true },
            Owner = new InstanceOwner { ProjectId = "p-1", UserId = "u-1", ProjectName = "demo", UserName = "alice" },
        };
        try
        {
            await Target.RunAsync(Target.Driver.ReserveAsync(request));

            IReadOnlyDictionary<string, JsonElement> info = await InstanceInfoAsync(node);
            Assert.Equal("""{"boot_mode":"uefi","secure_boot":"true"}""", info["capabilities"].GetString());
            Assert.Equal("p-1", info["project_id"].GetString());
            Assert.Equal("bm.gold", info["flavor_name"].GetString());
            Assert.Equal("[]", info["fixed_ips"].GetString());
        }
        finally
        {
            await Target.RunAsync(Target.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }));
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task A_volume_booted_spawn_creates_its_targets_and_destroy_removes_them()
    {
        NodeId node = await Target.LeaseNodeAsync();
        SpawnRequest request = Spawn(node) with
        {
            ImageSource = null,
            Volumes =
            [
                new InstanceVolume("contract-root-" + node.ToString()[..8], "iscsi", 0)
                {
                    Properties = new Dictionary<string, JsonElement> { ["target_iqn"] = JsonSerializer.SerializeToElement("iqn.2010-10.org.openstack:x") },
                },
            ],
        };
        try
        {
            Node active = await Target.RunAsync(Target.Driver.SpawnAsync(request));

            Assert.Equal(ProvisionState.Active, active.ProvisionState);
            Assert.False((await InstanceInfoAsync(node)).ContainsKey("image_source"));
            VolumeTarget target = Assert.Single(await Target.Client.ListVolumeTargetsAsync(node).ToListAsync());
            Assert.Equal(request.Volumes[0].VolumeId, target.VolumeId);
            Assert.Equal(0, target.BootIndex);
            Assert.Equal("iqn.2010-10.org.openstack:x", target.Properties!["target_iqn"].GetString());

            await Target.RunAsync(Target.Driver.DestroyAsync(
                new DestroyRequest { Instance = request.Instance, VolumeIds = [request.Volumes[0].VolumeId] }));

            Assert.Empty(await Target.Client.ListVolumeTargetsAsync(node).ToListAsync());
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task Volume_targets_refuse_a_second_boot_volume_and_deletion_while_the_node_is_powered_on()
    {
        NodeId node = await Target.LeaseNodeAsync();
        VolumeTarget? target = null;
        try
        {
            target = await Target.Client.CreateVolumeTargetAsync(new NewVolumeTarget(node, "iscsi", 0, "contract-a-" + node.ToString()[..8]));
            await Assert.ThrowsAsync<IronicConflictException>(() =>
                Target.Client.CreateVolumeTargetAsync(new NewVolumeTarget(node, "iscsi", 0, "contract-b-" + node.ToString()[..8])));

            await Target.Client.SetPowerStateAsync(node, PowerTarget.PowerOn);
            await Target.WaitUntilAsync(() => Target.Client.GetNodeAsync(node, NodeFields.Driver), n => n.TargetPowerState is null, "power on");
            await Assert.ThrowsAsync<InvalidStateTransitionException>(() => Target.Client.DeleteVolumeTargetAsync(target.Uuid));
            await Target.Client.SetPowerStateAsync(node, PowerTarget.PowerOff);
            await Target.WaitUntilAsync(() => Target.Client.GetNodeAsync(node, NodeFields.Driver), n => n.TargetPowerState is null, "power off");

            await Target.Client.DeleteVolumeTargetAsync(target.Uuid);
            target = null;
            await Assert.ThrowsAnyAsync<IronicNotFoundException>(() => Target.Client.DeleteVolumeTargetAsync(VolumeTargetId.FromGuid(Guid.NewGuid())));
        }
        finally
        {
            if (target is not null) { await Target.Client.DeleteVolumeTargetAsync(target.Uuid); }
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task A_deploy_template_round_trips_and_a_spawn_asking_for_its_trait_carries_it()
    {
        string name = "CUSTOM_CONTRACT_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var step = new DeployStep("bios", "apply_configuration",
            new Dictionary<string, JsonElement> { ["settings"] = JsonSerializer.SerializeToElement(new[] { new { name = "LogicalProc", value = "Enabled" } }) },
            150);
        DeployTemplate created = await Target.Client.CreateDeployTemplateAsync(new NewDeployTemplate(name, [step]));
        try
        {
            Assert.Equal(name, created.Name);
            DeployTemplate read = await Target.Client.GetDeployTemplateAsync(name);
            Assert.Equal(created.Uuid, read.Uuid);
            DeployStep stored = Assert.Single(read.Steps);
            Assert.Equal(("bios", "apply_configuration", 150), (stored.Interface, stored.Step, stored.Priority));
            Assert.Contains(await Target.Client.ListDeployTemplatesAsync().ToListAsync(), t => t.Uuid == created.Uuid);
            await Assert.ThrowsAsync<IronicConflictException>(() => Target.Client.CreateDeployTemplateAsync(new NewDeployTemplate(name, [step])));

            // The template Ironic will run is the one named by a trait the instance asks for: it reaches instance_info.
            NodeId node = await Target.LeaseNodeAsync();
            SpawnRequest request = Spawn(node) with { Image = new ImageDetails { RequiredTraits = [name] } };
            try
            {
                await Target.Client.AddTraitAsync(node, name);
                await Target.RunAsync(Target.Driver.ReserveAsync(request));
                Assert.Contains(name, (await InstanceInfoAsync(node))["traits"].EnumerateArray().Select(t => t.GetString()));
            }
            finally
            {
                await Target.RunAsync(Target.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }));
                await Target.Client.RemoveTraitAsync(node, name);
                await Target.ReturnAfterUseAsync(node);
            }
        }
        finally
        {
            await Target.Client.DeleteDeployTemplateAsync(created.Uuid);
        }
        await Assert.ThrowsAsync<IronicNotFoundException>(() => Target.Client.GetDeployTemplateAsync(name));
    }
}
