using System.CommandLine;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal fake-ironic</c>: serve the fake over TCP on loopback until Ctrl+C.</summary>
internal static class FakeIronicCommand
{
    public static Command Create(CliIo io)
    {
        var port = new Option<int>("--port") { Description = "The loopback port (0: any free one)", DefaultValueFactory = _ => 6385 };
        var nodes = new Option<int>("--nodes") { Description = "Nodes to enroll", DefaultValueFactory = _ => CliSession.DefaultFakeNodes };
        var command = new Command("fake-ironic", "Serve a fake Ironic on 127.0.0.1") { port, nodes };
        command.SetAction((parse, ct) => CliSession.GuardAsync(io, ct, async () =>
        {
            int p = parse.GetValue(port), n = parse.GetValue(nodes);
            if (p is < 0 or > 65535 || n is < 0 or > 100_000)
            {
                throw new UsageException("--port is 0-65535 and --nodes 0-100000");
            }
            var fake = new FakeIronic();
            fake.EnrollNodes(n);
            FakeIronicServer server;
            try
            {
                server = await fake.StartServerAsync(p, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await io.Error.WriteLineAsync($"baremetal: cannot listen on 127.0.0.1:{p}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            await using (server.ConfigureAwait(false))
            {
                await io.Output.WriteLineAsync($"fake Ironic serving {server.Endpoint} with {n} nodes; Ctrl+C stops it")
                    .ConfigureAwait(false);
                await io.Output.FlushAsync(ct).ConfigureAwait(false);
                try { await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct).ConfigureAwait(false); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            }
            return 0;
        }));
        return command;
    }
}
