using System.Runtime.InteropServices;
using BareMetal.Cli;
using BareMetal.Cli.Commands;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
var io = new CliIo(Console.Out, Console.Error, IsTerminal: !Console.IsOutputRedirected);
return await BaremetalCommand.RunAsync(args, io, stop.Token).ConfigureAwait(false);
