using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Spawning;

/// <summary>A caller that gives up mid-operation: the node is left as found, or where a second call finishes the job.</summary>
public sealed class CancellationTests
{
    private static FakeIronicOptions Slow() => new()
    {
        Timings = new FakeIronicTimings { Deploying = TimeSpan.FromSeconds(60), Deleting = TimeSpan.FromSeconds(30) },
    };

    /// <summary>Moves the clock in small steps until <paramref name="reached"/> holds.</summary>
    private static async Task AdvanceUntil(DriverHarness h, Func<bool> reached)
    {
        for (int i = 0; i < 10_000 && !reached(); i++)
        {
            await h.Run(Task.Delay(TimeSpan.FromMilliseconds(100), h.Time));
        }
        Assert.True(reached(), "the node never reached the state the test waits for");
    }

    [Theory]
    [InlineData("deploying")]       // cancelled while waiting for active
    [InlineData("reserved")]        // cancelled right after the reservation
    public async Task A_cancelled_spawn_leaves_the_node_as_found(string when)
    {
        await using var h = new DriverHarness(nodes: 1, fakeOptions: Slow());
        NodeId node = h.Nodes[0];
        using var cancel = new CancellationTokenSource();
        Task<Node> spawn = h.Driver.SpawnAsync(DriverHarness.Spawn(node), cancel.Token);

        await AdvanceUntil(h, () => when == "reserved"
            ? h.Fake.GetNode(node).InstanceUuid is not null
            : h.Fake.GetNode(node).ProvisionState == ProvisionState.Deploying);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Run(spawn));
        h.Fake.SettleAll();
        FakeNodeView after = h.Fake.GetNode(node);
        Assert.Null(after.InstanceUuid);
        Assert.Empty(after.Vifs);
        Assert.Empty(after.InstanceInfo);
        Assert.Equal(ProvisionState.Available, after.ProvisionState);
        Assert.Equal(0, h.Locks.Count);
    }

    [Fact]
    public async Task A_cancelled_destroy_leaves_a_state_from_which_destroy_completes()
    {
        await using var h = new DriverHarness(nodes: 1, fakeOptions: Slow());
        NodeId node = h.Nodes[0];
        SpawnRequest request = DriverHarness.Spawn(node);
        await h.Run(h.Driver.SpawnAsync(request));
        using var cancel = new CancellationTokenSource();
        Task destroy = h.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }, cancel.Token);

        await AdvanceUntil(h, () => h.Fake.GetNode(node).ProvisionState == ProvisionState.Deleting);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Run(destroy));

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }));
        h.Fake.SettleAll();
        Assert.Null(h.Fake.GetNode(node).InstanceUuid);
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(node).ProvisionState);
        Assert.Equal(0, h.Locks.Count);
    }
}
