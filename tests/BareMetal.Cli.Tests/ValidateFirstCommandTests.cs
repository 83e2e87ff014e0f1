using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>A spawn the drive builder would refuse exits 2 with nothing sent to Ironic.</summary>
public sealed class ValidateFirstCommandTests
{
    [Fact]
    public async Task User_data_over_novas_limit_exits_2_before_any_request()
    {
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        NodeId node = fake.EnrollNodes(1)[0];
        await using FakeIronicServer server = await fake.StartServerAsync();
        string userData = Path.GetTempFileName();
        await File.WriteAllBytesAsync(userData, new byte[49_150]);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = await BaremetalCommand.RunAsync(["spawn", "--ironic-url", server.Endpoint.ToString(), "--node", node.ToString(),
                "--instance", Guid.NewGuid().ToString(), "--user-data", userData], output, error);

            Assert.Equal(2, exit);
            Assert.StartsWith("baremetal: invalid input: ConfigDrive: user_data is 49150 bytes", error.ToString(), StringComparison.Ordinal);
            Assert.Empty(fake.Requests);
            Assert.Null(fake.GetNode(node).InstanceUuid);
        }
        finally
        {
            File.Delete(userData);
        }
    }
}
