using BareMetal.Cli;

return await BaremetalCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
