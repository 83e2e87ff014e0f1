using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Waiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BareMetal.Ironic.Tests.Api;

/// <summary>Allocations, maintenance, boot devices, names, ports by MAC and the waiters: the exact request, the typed result, each error.</summary>
public sealed class ManagementCallsTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _provider;

    public ManagementCallsTests() : this("1.82") { }

    private ManagementCallsTests(string maximum)
    {
        Fake = new FakeIronic(new FakeIronicOptions { MaximumApiVersion = maximum, Timings = FakeIronicTimings.Instant }, _time);
        Nodes = Fake.EnrollNodes(2, (i, spec) => spec with { Name = $"rack1-{i}", ResourceClass = "gold", Traits = ["CUSTOM_RAID"] });
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddIronicClient(o => { o.Endpoint = new("http://ironic.test"); o.MaxRetries = 0; o.RequestTimeout = TimeSpan.FromMinutes(10); })
            .UseFakeIronic(Fake);
        _provider = services.BuildServiceProvider();
    }

    private FakeIronic Fake { get; }
    private IReadOnlyList<NodeId> Nodes { get; }
    private IIronicClient Client => _provider.GetRequiredService<IIronicClient>();
    private INodeWaiter Waiter => _provider.GetRequiredService<INodeWaiter>();
    private FakeRequestRecord Last(string route) => Fake.Requests.Last(r => r.Route == route);

    [Fact]
    public async Task Maintenance_sends_the_reason_and_clears_it()
    {
        await Client.SetMaintenanceAsync(Nodes[0], "disk swap");
        Assert.Equal("""{"reason":"disk swap"}""", Last(FakeRoutes.SetMaintenance).Body);
        Assert.Equal("disk swap", (await Client.GetNodeAsync(Nodes[0], ["uuid", "maintenance_reason"])).MaintenanceReason);

        await Client.ClearMaintenanceAsync(Nodes[0]);
        Assert.False(Fake.GetNode(Nodes[0]).Maintenance);
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetMaintenanceAsync(Nodes[0], "bad\nreason"));
    }

    [Fact]
    public async Task Boot_device_set_sends_device_and_persistence_and_refuses_unknown_names_before_sending()
    {
        await Client.SetBootDeviceAsync(Nodes[0], "pxe", persistent: true);
        Assert.Equal("""{"boot_device":"pxe","persistent":true}""", Last(FakeRoutes.SetBootDevice).Body);
        Assert.Equal(new BootDevice("pxe", false), await Client.GetBootDeviceAsync(Nodes[0]));

        int sent = Fake.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetBootDeviceAsync(Nodes[0], "usb-stick", false));
        Assert.Equal(sent, Fake.Requests.Count);
        await Assert.ThrowsAsync<IronicBadRequestException>(() => Client.SetBootDeviceAsync(Nodes[0], "cdrom", false));
    }

    [Fact]
    public async Task A_name_resolves_through_the_nodes_route_with_only_its_uuid_asked_for()
    {
        Assert.Equal(Nodes[1], await Client.ResolveNodeAsync(NodeName.Parse("rack1-1")));
        Assert.Equal("/v1/nodes/rack1-1?fields=uuid", Last(FakeRoutes.GetNode).PathAndQuery);
        Assert.False(NodeName.TryParse(Nodes[1].ToString(), out _));   // a UUID is never taken for a name
        Assert.Throws<FormatException>(() => NodeName.Parse("rack 1"));
    }

    [Fact]
    public async Task A_port_is_found_by_its_mac_address_in_lower_case_and_a_malformed_address_is_refused()
    {
        Port port = (await Client.ListPortsAsync(Nodes[0]).ToListAsync())[0];

        Port? found = await Client.FindPortByAddressAsync(port.Address!.ToUpperInvariant());

        Assert.Equal(port.Uuid, found?.Uuid);
        Assert.Contains("address=" + Uri.EscapeDataString(port.Address!), Last(FakeRoutes.ListPortsDetail).PathAndQuery, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Client.FindPortByAddressAsync("aa-bb-cc-dd-ee-ff"));
    }

    [Fact]
    public async Task An_allocation_sends_its_class_traits_and_candidates_and_is_filled_then_deleted()
    {
        Allocation created = await Client.CreateAllocationAsync(
            new NewAllocation("gold") { Traits = ["CUSTOM_RAID"], CandidateNodes = [Nodes[1].ToString()] });

        Assert.Equal($$"""{"resource_class":"gold","traits":["CUSTOM_RAID"],"candidate_nodes":["{{Nodes[1]}}"]}""",
            Last(FakeRoutes.CreateAllocation).Body);
        Assert.Equal("allocating", created.State);
        Allocation filled = await _time.RunUntilCompletedAsync(Waiter.WaitForAllocationAsync(created.Uuid, TimeSpan.FromMinutes(1)));
        Assert.Equal(Nodes[1], filled.NodeUuid);
        Assert.Equal(created.Uuid.ToString(), Fake.GetNode(Nodes[1]).InstanceUuid?.ToString());

        await Client.DeleteAllocationAsync(created.Uuid);
        Assert.Null(Fake.GetNode(Nodes[1]).InstanceUuid);
        await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateAllocationAsync(new NewAllocation("gold") { Traits = ["raid"] }));
    }

    [Fact]
    public async Task Allocations_below_1_52_are_refused_before_sending()
    {
        await using var old = new ManagementCallsTests("1.51");

        await Assert.ThrowsAsync<UnsupportedMicroversionException>(() => old.Client.CreateAllocationAsync(new NewAllocation("gold")));

        Assert.DoesNotContain(old.Fake.Requests, r => r.Route == FakeRoutes.CreateAllocation);
    }

    [Fact]
    public async Task A_waiter_times_out_on_the_fakes_clock_and_one_for_a_failed_deploy_says_so()
    {
        var late = await Assert.ThrowsAsync<IronicWaitTimeoutException>(() =>
            _time.RunUntilCompletedAsync(Waiter.WaitForPowerStateAsync(Nodes[0], PowerState.PowerOn, TimeSpan.FromSeconds(10))));
        Assert.Contains("power off", late.Message, StringComparison.Ordinal);

        Fake.FailNext(Nodes[0], FakeOperationKind.Deploy, "boom");
        await Client.SetProvisionStateAsync(Nodes[0], new ProvisionRequest(ProvisionTarget.Active));
        var failed = await Assert.ThrowsAsync<NodeWaitFailedException>(() =>
            _time.RunUntilCompletedAsync(Waiter.WaitForProvisionStateAsync(Nodes[0], ProvisionState.Active, TimeSpan.FromMinutes(5))));
        Assert.Equal("boom", failed.LastError);
    }

    [Fact]
    public async Task A_last_error_from_the_server_reaches_the_waiters_exceptions_cut_and_redacted()
    {
        const string LastError = "Redfish https://admin:bmc-pa55@10.0.0.9/redfish/v1 refused: password=hunter2";
        Fake.FailNext(Nodes[0], FakeOperationKind.Deploy, LastError + new string('x', 100_000));
        await Client.SetProvisionStateAsync(Nodes[0], new ProvisionRequest(ProvisionTarget.Active));

        var failed = await Assert.ThrowsAsync<NodeWaitFailedException>(() =>
            _time.RunUntilCompletedAsync(Waiter.WaitForProvisionStateAsync(Nodes[0], ProvisionState.Active, TimeSpan.FromMinutes(5))));
        var allocation = new AllocationFailedException(AllocationId.FromGuid(Guid.NewGuid()), LastError);

        foreach (string shown in (string[])[failed.LastError!, failed.ToString(), allocation.LastError!, allocation.ToString()])
        {
            Assert.DoesNotContain("bmc-pa55", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", shown, StringComparison.Ordinal);
        }
        Assert.StartsWith("Redfish https://", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.LastError!.Length < 5000, $"{failed.LastError.Length} characters kept");
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
