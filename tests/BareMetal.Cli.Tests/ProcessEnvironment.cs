namespace BareMetal.Cli.Tests;

/// <summary>Tests that set process environment variables run alone, after the others: the variables are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
