using BareMetal.Contract.Tests.Targets;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Contract.Tests.Nodes;

/// <summary>Allocations, maintenance, boot devices, names, ports by MAC and the waiters on the fake.</summary>
public sealed class ManagementContractOnFake(FakeTargetFixture fixture) : ManagementContract, IClassFixture<FakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The same on the real Ironic at IRONIC_URL.</summary>
[RealServer(RealIronic.Url)]
[Collection(SharedRealIronic.Name)]
public sealed class ManagementContractOnRealIronic(RealTargetAtIronicUrl fixture) : ManagementContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The calls a compute service without Placement needs, against a target.</summary>
public abstract class ManagementContract
{
    protected abstract IronicTarget Target { get; }
    private INodeWaiter Waiter => Target.Services.GetRequiredService<INodeWaiter>();

    [ContractFact]
    public async Task An_allocation_is_filled_with_a_matching_node_and_frees_it_when_deleted()
    {
        NodeId node = await Target.LeaseNodeAsync();
        try
        {
            Node before = await Target.Client.GetNodeAsync(node, ["uuid", "resource_class"]);
            Allocation created = await Target.Client.CreateAllocationAsync(
                new NewAllocation(before.ResourceClass!) { CandidateNodes = [node.ToString()] });

            Allocation filled = await Target.RunAsync(Waiter.WaitForAllocationAsync(created.Uuid, TimeSpan.FromSeconds(30)));

            Assert.Equal(node, filled.NodeUuid);
            Assert.Equal(filled.Uuid.ToString(), (await Target.Client.GetNodeAsync(node, NodeFields.Driver)).InstanceUuid?.ToString());
            Assert.Contains(await Target.Client.ListAllocationsAsync(new AllocationQuery { Node = node }).ToListAsync(), a => a.Uuid == created.Uuid);

            await Target.Client.DeleteAllocationAsync(created.Uuid);

            Assert.Null((await Target.Client.GetNodeAsync(node, NodeFields.Driver)).InstanceUuid);
            await Assert.ThrowsAnyAsync<IronicNotFoundException>(() => Target.Client.GetAllocationAsync(created.Uuid));
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task An_allocation_no_node_matches_fails_with_Ironics_reason()
    {
        Allocation created = await Target.Client.CreateAllocationAsync(new NewAllocation("no-such-class-" + Guid.NewGuid().ToString("N")[..6]));
        try
        {
            var error = await Assert.ThrowsAsync<AllocationFailedException>(
                () => Target.RunAsync(Waiter.WaitForAllocationAsync(created.Uuid, TimeSpan.FromSeconds(30))));
            Assert.Contains("resource class", error.LastError, StringComparison.Ordinal);
        }
        finally
        {
            await Target.Client.DeleteAllocationAsync(created.Uuid);
        }
    }

    [ContractFact]
    public async Task Maintenance_round_trips_with_its_reason()
    {
        NodeId node = await Target.LeaseNodeAsync();
        try
        {
            await Target.Client.SetMaintenanceAsync(node, "contract: fan replaced");
            Node held = await Target.Client.GetNodeAsync(node, ["uuid", "maintenance", "maintenance_reason"]);
            Assert.True(held.Maintenance);
            Assert.Equal("contract: fan replaced", held.MaintenanceReason);

            await Target.Client.ClearMaintenanceAsync(node);
            Node free = await Target.Client.GetNodeAsync(node, ["uuid", "maintenance", "maintenance_reason"]);
            Assert.False(free.Maintenance);
            Assert.Null(free.MaintenanceReason);
        }
        finally
        {
            await Target.Client.ClearMaintenanceAsync(node);
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task Fake_hardware_boots_from_pxe_only_and_refuses_another_device()
    {
        NodeId node = await Target.LeaseNodeAsync();
        try
        {
            Assert.Equal(["pxe"], await Target.Client.GetSupportedBootDevicesAsync(node));
            await Target.Client.SetBootDeviceAsync(node, "pxe", persistent: true);
            BootDevice device = await Target.Client.GetBootDeviceAsync(node);
            Assert.Equal(("pxe", false), (device.Device, device.Persistent));   // fake-hardware keeps nothing
            var error = await Assert.ThrowsAsync<IronicBadRequestException>(() => Target.Client.SetBootDeviceAsync(node, "disk", false));
            Assert.Contains("Invalid boot device disk", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task A_node_is_found_by_its_name_and_its_port_by_mac_address()
    {
        NodeId node = await Target.LeaseNodeAsync();
        string name = "contract-" + Guid.NewGuid().ToString("N")[..8];
        Node before = await Target.Client.GetNodeAsync(node, ["uuid", "name"]);
        try
        {
            await Target.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/name", name)]);

            Assert.Equal(node, await Target.Client.ResolveNodeAsync(NodeName.Parse(name)));
            await Assert.ThrowsAsync<NodeNotFoundException>(() => Target.Client.ResolveNodeAsync(NodeName.Parse(name + "-missing")));

            Port port = (await Target.Client.ListPortsAsync(node).ToListAsync())[0];
            Port? found = await Target.Client.FindPortByAddressAsync(port.Address!.ToUpperInvariant());
            Assert.Equal(port.Uuid, found?.Uuid);
            Assert.Null(await Target.Client.FindPortByAddressAsync("02:00:00:00:00:00"));
        }
        finally
        {
            await Target.Client.PatchNodeAsync(node, [before.Name is null ? JsonPatchOperation.Remove("/name") : JsonPatchOperation.Add("/name", before.Name)]);
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task The_waiters_reach_power_and_provision_states_and_time_out_on_the_targets_clock()
    {
        NodeId node = await Target.LeaseNodeAsync();
        try
        {
            Node unlocked = await Target.RunAsync(Waiter.WaitForReservationClearedAsync(node, TimeSpan.FromSeconds(30)));
            Assert.Null(unlocked.Reservation);
            await Target.Client.SetPowerStateAsync(node, PowerTarget.PowerOn);
            Assert.Equal(PowerState.PowerOn, (await Target.RunAsync(Waiter.WaitForPowerStateAsync(node, PowerState.PowerOn, TimeSpan.FromSeconds(30)))).PowerState);
            await Target.Client.SetPowerStateAsync(node, PowerTarget.PowerOff);
            await Target.RunAsync(Waiter.WaitForPowerStateAsync(node, PowerState.PowerOff, TimeSpan.FromSeconds(30)));

            Node available = await Target.RunAsync(Waiter.WaitForProvisionStateAsync(node, ProvisionState.Available, TimeSpan.FromSeconds(30)));
            Assert.Equal(ProvisionState.Available, available.ProvisionState);

            var late = await Assert.ThrowsAsync<IronicWaitTimeoutException>(
                () => Target.RunAsync(Waiter.WaitForProvisionStateAsync(node, ProvisionState.Active, TimeSpan.FromSeconds(2))));
            Assert.Contains("available", late.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }
}
