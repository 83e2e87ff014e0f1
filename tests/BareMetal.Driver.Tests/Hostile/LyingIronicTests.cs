using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Lies;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Hostile;

/// <summary>
/// The driver over an Ironic that answers wrongly on purpose (the fake's lying modes): whatever it says, the driver
/// never acts on a node the instance does not hold, never crashes on a malformed shape, and never shows a secret.
/// </summary>
public sealed class LyingIronicTests
{
    private static readonly string[] WriteMethods = ["PUT", "PATCH", "POST", "DELETE"];

    private static IEnumerable<FakeRequestRecord> WritesTo(DriverHarness h, NodeId node) =>
        h.Fake.Requests.Where(r => r.Node == node && WriteMethods.Contains(r.Method));

    /// <summary>Node 0 is held by another instance; the instance asked about holds nothing.</summary>
    private static async Task<(DriverHarness Harness, NodeId Foreign)> WithForeignNode()
    {
        var h = new DriverHarness(nodes: 2);
        await h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0])));
        h.Fake.Lies = FakeLies.IgnoreInstanceFilter;
        h.Fake.ClearRequests();
        return (h, h.Nodes[0]);
    }

    [Fact]
    public async Task A_listing_that_ignores_the_instance_filter_makes_destroy_power_and_console_touch_no_node()
    {
        (DriverHarness h, NodeId foreign) = await WithForeignNode();
        await using (h)
        {
            InstanceId stranger = InstanceId.FromGuid(Guid.NewGuid());
            InstanceId owner = h.Fake.GetNode(foreign).InstanceUuid!;

            await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = stranger }));   // nothing holds it: done
            await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Run(h.Driver.PowerOffAsync(stranger)));
            await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Run(h.Driver.RebootAsync(stranger, soft: false)));
            await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Run(h.Driver.GetSerialConsoleAsync(stranger)));
            Assert.False(await h.Run(h.Driver.InstanceExistsAsync(stranger)));

            Assert.DoesNotContain(h.Fake.Requests, r => WriteMethods.Contains(r.Method));
            Assert.Equal(owner, h.Fake.GetNode(foreign).InstanceUuid);
            Assert.Equal(ProvisionState.Active, h.Fake.GetNode(foreign).ProvisionState);
            Assert.Contains(h.Logs.GetSnapshot(), e => e.Message.Contains("does not hold it", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task With_the_filter_ignored_the_owner_is_still_found_and_only_its_node_is_torn_down()
    {
        (DriverHarness h, NodeId foreign) = await WithForeignNode();
        await using (h)
        {
            SpawnRequest mine = DriverHarness.Spawn(h.Nodes[1]);
            await h.Run(h.Driver.SpawnAsync(mine));
            h.Fake.ClearRequests();

            await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = mine.Instance }));

            Assert.Null(h.Fake.GetNode(h.Nodes[1]).InstanceUuid);
            Assert.Empty(WritesTo(h, foreign));
            Assert.NotNull(h.Fake.GetNode(foreign).InstanceUuid);
        }
    }

    [Fact]
    public async Task A_reservation_answer_naming_another_owner_stops_the_spawn_before_any_other_write()
    {
        await using var h = new DriverHarness(nodes: 1);
        h.Fake.Lies = FakeLies.ForeignOwner;
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]);

        await Assert.ThrowsAsync<NodeTakenException>(() => h.Run(h.Driver.SpawnAsync(request)));

        FakeRequestRecord write = Assert.Single(WritesTo(h, h.Nodes[0]));
        Assert.Equal(FakeRoutes.PatchNode, write.Route);
        Assert.Empty(h.Fake.GetNode(h.Nodes[0]).Vifs);
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(h.Nodes[0]).ProvisionState);
    }

    [Theory]
    [InlineData(FakeLies.NullLists)]
    [InlineData(FakeLies.NullEntries)]
    public async Task Null_lists_are_a_malformed_answer_not_a_crash_and_the_spawn_leaves_no_reservation_behind(FakeLies lie)
    {
        await using var h = new DriverHarness(nodes: 1);
        h.Fake.Lies = lie;

        await Assert.ThrowsAsync<IronicResponseFormatException>(() => h.Run(h.Client.ListNodesAsync(new NodeQuery()).ToListAsync().AsTask()));
        await Assert.ThrowsAsync<IronicResponseFormatException>(() => h.Run(h.Client.ListPortsAsync(h.Nodes[0]).ToListAsync().AsTask()));
        await Assert.ThrowsAsync<IronicResponseFormatException>(() => h.Run(h.Client.ListVifsAsync(h.Nodes[0])));
        // The config drive's network_data needs the node's ports: the listing fails after the reservation and the VIFs.
        var failure = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));
        Assert.IsType<IronicResponseFormatException>(failure.InnerException);

        h.Fake.Lies = FakeLies.None;
        FakeNodeView after = h.Fake.GetNode(h.Nodes[0]);
        Assert.Null(after.InstanceUuid);
        Assert.Empty(after.Vifs);
        Assert.Equal(ProvisionState.Available, after.ProvisionState);
    }

    [Theory]
    [InlineData(true)]    // an ISO drive, gzip+base64: the echo is one opaque blob
    [InlineData(false)]   // the JSON drive: the echo holds user_data and admin_pass as plain text
    public async Task Secrets_the_server_echoes_back_reach_neither_the_exception_nor_the_logs(bool injectedFiles)
    {
        var options = new FakeIronicOptions { BasicAuth = new FakeBasicAuth("ironic", "basic-auth-pa55word") };
        await using var h = new DriverHarness(nodes: 1, fakeOptions: options, basicAuth: options.BasicAuth);
        h.Fake.Lies = FakeLies.EchoSecrets;
        SpawnRequest r = DriverHarness.Spawn(h.Nodes[0]);
        ConfigDriveContent drive = r.ConfigDrive! with
        {
            Metadata = r.ConfigDrive.Metadata with { AdminPassword = new Secret<string>("admin-pa55word-xyz") },
            Files = injectedFiles ? r.ConfigDrive.Files : [],
        };

        var failure = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(r with { ConfigDrive = drive })));

        string everything = failure + "\n" + h.Logs.AllText();
        Assert.Contains("Invalid request: body", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("basic-auth-pa55word", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("ironic:basic-auth-pa55word"u8.ToArray()), everything, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-pa55word-xyz", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("#cloud-config", everything, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z0-9+/]{64}", everything);
        Assert.Null(h.Fake.GetNode(h.Nodes[0]).InstanceUuid);
    }

    [Fact]
    public async Task A_four_megabyte_error_message_is_cut_before_it_is_redacted()
    {
        await using var h = new DriverHarness(nodes: 1);
        h.Fake.Lies = FakeLies.HugeErrorMessage;

        var failure = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));

        Assert.Null(h.Fake.GetNode(h.Nodes[0]).InstanceUuid);
        var refusal = Assert.IsAssignableFrom<IronicApiException>(failure.InnerException);
        Assert.InRange(refusal.Message.Length, 1, 2048);
        Assert.All(h.Logs.GetSnapshot(), e => Assert.InRange(e.Message.Length, 0, 16 * 1024));
    }
}
