using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake.Tests.Support;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Tests;

/// <summary>The provision, power and console machines: transient states advance on the injected clock, hold the node's lock, and end as Ironic's do.</summary>
public sealed class StateMachineTests
{
    private static readonly FakeIronicOptions Slow = new()
    {
        Timings = new FakeIronicTimings
        {
            Deploying = TimeSpan.FromSeconds(2), WaitCallBack = TimeSpan.FromSeconds(3), Deleting = TimeSpan.FromSeconds(1),
            Cleaning = TimeSpan.FromSeconds(4), Rescuing = TimeSpan.FromSeconds(1), Power = TimeSpan.FromSeconds(1), Console = TimeSpan.FromSeconds(1),
        },
    };

    [Fact]
    public async Task Deploy_passes_through_deploying_and_wait_call_back_on_the_clock_then_is_active_and_powered_on()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));

        Node deploying = await h.Client.GetNodeAsync(node);
        Assert.Equal((ProvisionState.Deploying, ProvisionState.Active), (deploying.ProvisionState!.Value, deploying.TargetProvisionState!.Value));
        Assert.Equal("ironic-local", deploying.Reservation);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        Node waiting = await h.Client.GetNodeAsync(node);
        Assert.Equal(ProvisionState.WaitCallBack, waiting.ProvisionState);
        Assert.Null(waiting.Reservation);   // Ironic releases the lock while it waits for the ramdisk

        h.Time.Advance(TimeSpan.FromSeconds(3));
        Node active = await h.Client.GetNodeAsync(node);
        Assert.Equal((ProvisionState.Active, (ProvisionState?)null), (active.ProvisionState!.Value, active.TargetProvisionState));
        Assert.Equal(PowerState.PowerOn, active.PowerState);
        Assert.Equal(h.Time.GetUtcNow(), active.ProvisionUpdatedAt);
    }

    [Fact]
    public async Task While_work_holds_the_node_writes_get_409_NodeLocked_and_a_patch_gets_transition_in_progress()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));

        await Assert.ThrowsAsync<NodeLockedException>(() => h.Client.SetPowerStateAsync(node, PowerTarget.PowerOff));
        await Assert.ThrowsAsync<NodeLockedException>(() => h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Deleted)));
        await Assert.ThrowsAsync<NodeLockedException>(() => h.Client.AttachVifAsync(node, new VifAttachment(VifId.FromGuid(Guid.NewGuid()))));
        await Assert.ThrowsAsync<NodeTransitionInProgressException>(() =>
            h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/extra/x", "y")]));
        Assert.Equal(PowerState.PowerOff, h.Fake.GetNode(node).PowerState);   // nothing refused took effect
    }

    [Fact]
    public async Task A_held_node_stays_in_its_transient_state_until_released_or_stepped()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.Hold(node);

        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ProvisionState.Deploying, h.Fake.GetNode(node).ProvisionState);

        Assert.True(h.Fake.Step(node));
        Assert.Equal(ProvisionState.WaitCallBack, h.Fake.GetNode(node).ProvisionState);
        h.Fake.Release(node);
        h.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(ProvisionState.Active, h.Fake.GetNode(node).ProvisionState);
        Assert.False(h.Fake.Step(node));
    }

    [Fact]
    public async Task Undeploy_replays_each_step_at_its_own_time_and_clears_instance_info_and_vifs()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/instance_uuid", instance.ToString()), JsonPatchOperation.Add("/instance_info/image_source", "http://images/x.qcow2")]);
        await h.Client.AttachVifAsync(node, new VifAttachment(VifId.FromGuid(Guid.NewGuid())));
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.SettleAll();

        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Deleted));
        Assert.Equal((ProvisionState.Deleting, ProvisionState.Available), (h.Fake.GetNode(node).ProvisionState, h.Fake.GetNode(node).TargetProvisionState!.Value));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        FakeNodeView cleaning = h.Fake.GetNode(node);
        Assert.Equal(ProvisionState.Cleaning, cleaning.ProvisionState);
        Assert.Null(cleaning.InstanceUuid);
        Assert.Empty(cleaning.Vifs);
        Assert.Empty(cleaning.InstanceInfo);
        Assert.Equal(PowerState.PowerOff, cleaning.PowerState);

        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(node).ProvisionState);
        Assert.Null(h.Fake.GetNode(node).TargetProvisionState);
    }

    [Fact]
    public async Task One_long_jump_of_the_clock_ends_a_whole_tear_down()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.SettleAll();
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Deleted));

        h.Time.Advance(TimeSpan.FromSeconds(5));   // deleting 1 s + cleaning 4 s
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(node).ProvisionState);
    }

    [Fact]
    public async Task A_requested_failure_ends_deploy_in_deploy_failed_and_cleaning_in_clean_failed_with_maintenance()
    {
        using var h = new FakeHarness(Slow, nodes: 2);
        NodeId deploy = h.Fake.GetNodes()[0].Uuid, clean = h.Fake.GetNodes()[1].Uuid;
        h.Fake.FailNext(deploy, FakeOperationKind.Deploy, "Deploy step failed: disk on fire");
        await h.Client.SetProvisionStateAsync(deploy, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.SettleAll();
        Node failed = await h.Client.GetNodeAsync(deploy);
        Assert.Equal(ProvisionState.DeployFailed, failed.ProvisionState);
        Assert.Equal("Deploy step failed: disk on fire", failed.LastError);
        Assert.Null(failed.TargetProvisionState);

        await h.Client.SetProvisionStateAsync(clean, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.SettleAll();
        h.Fake.FailNext(clean, FakeOperationKind.Clean, "Cleaning failed: wipe timed out");
        await h.Client.SetProvisionStateAsync(clean, new ProvisionRequest(ProvisionTarget.Deleted));
        h.Fake.SettleAll();
        Node cleanFailed = await h.Client.GetNodeAsync(clean);
        Assert.Equal(ProvisionState.CleanFailed, cleanFailed.ProvisionState);
        Assert.True(cleanFailed.Maintenance);
        Assert.Equal("Cleaning failed: wipe timed out", cleanFailed.LastError);
    }

    [Fact]
    public async Task Rescue_and_unrescue_pass_through_rescuing_and_unrescuing()
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));
        h.Fake.SettleAll();

        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("s3cret") });
        Assert.Equal(ProvisionState.Rescuing, h.Fake.GetNode(node).ProvisionState);
        Assert.Equal("s3cret", h.Fake.GetNode(node).InstanceInfo["rescue_password"]!.GetValue<string>());
        Assert.Equal("******", (await h.Client.GetNodeAsync(node)).InstanceInfo!["rescue_password"].GetString());   // masked as Ironic does
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ProvisionState.Rescue, h.Fake.GetNode(node).ProvisionState);

        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Unrescue));
        Assert.Equal(ProvisionState.Unrescuing, h.Fake.GetNode(node).ProvisionState);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ProvisionState.Active, h.Fake.GetNode(node).ProvisionState);
    }

    [Theory]
    [InlineData("rebooting", "power on")]
    [InlineData("soft rebooting", "power on")]
    [InlineData("soft power off", "power off")]
    [InlineData("power on", "power on")]
    public async Task A_power_action_shows_the_state_it_ends_in_as_target_then_settles(string target, string end)
    {
        using var h = new FakeHarness(Slow, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        await h.Client.SetPowerStateAsync(node, PowerTarget.FromWire(target));

        NodeStates during = await h.Client.GetNodeStatesAsync(node);
        Assert.Equal(new PowerState(end), during.TargetPowerState);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        NodeStates after = await h.Client.GetNodeStatesAsync(node);
        Assert.Equal((new PowerState(end), (PowerState?)null), (after.PowerState!.Value, after.TargetPowerState));
    }

    [Fact]
    public async Task Console_enable_is_asynchronous_and_gives_socat_info_on_10000_plus_the_node_id()
    {
        using var h = new FakeHarness(Slow, nodes: 2);
        NodeId second = h.Fake.GetNodes()[1].Uuid;
        await h.Client.SetConsoleEnabledAsync(second, true);
        Assert.False((await h.Client.GetConsoleAsync(second)).ConsoleEnabled);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        NodeConsole console = await h.Client.GetConsoleAsync(second);
        Assert.True(console.ConsoleEnabled);
        Assert.Equal(("socat", "tcp://127.0.0.1:10002"), (console.ConsoleInfo!.Type, console.ConsoleInfo.Url));
    }

    [Fact]
    public async Task Deploying_a_node_in_maintenance_or_with_traits_it_lacks_is_refused_and_changes_nothing()
    {
        using var h = new FakeHarness(Slow, nodes: 2);
        NodeId maintained = h.Fake.GetNodes()[0].Uuid, lacking = h.Fake.GetNodes()[1].Uuid;
        h.Fake.SetMaintenance(maintained, true, "broken fan");
        await Assert.ThrowsAsync<IronicBadRequestException>(() => h.Client.SetProvisionStateAsync(maintained, new ProvisionRequest(ProvisionTarget.Active)));

        await h.Client.PatchNodeAsync(lacking, [JsonPatchOperation.Add("/instance_info/traits", System.Text.Json.JsonDocument.Parse("""["CUSTOM_GOLD"]""").RootElement)]);
        var refused = await Assert.ThrowsAsync<IronicBadRequestException>(() => h.Client.SetProvisionStateAsync(lacking, new ProvisionRequest(ProvisionTarget.Active)));
        Assert.Contains("missing traits CUSTOM_GOLD", refused.IronicMessage, StringComparison.Ordinal);
        Assert.All(h.Fake.GetNodes(), n => Assert.Equal(ProvisionState.Available, n.ProvisionState));
    }
}
