namespace BareMetal.Cli.Tests;

/// <summary>Sets environment variables for one test and puts the previous values back when disposed.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    public EnvironmentScope Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _saved) { Environment.SetEnvironmentVariable(name, value); }
    }
}
