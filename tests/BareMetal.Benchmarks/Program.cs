using BareMetal.Benchmarks.Driver;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BareMetal.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/BareMetal.Benchmarks -- lifecycle [--ironic-url URL] [--rounds N]
if (args.Length > 0 && args[0] == "lifecycle")
{
    return await LifecycleBench.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
