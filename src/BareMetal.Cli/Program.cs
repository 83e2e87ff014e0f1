using System.Runtime.InteropServices;
using BareMetal.Cli;

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
return await BaremetalCommand.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
