namespace BareMetal.Ironic.Tests.Support;

/// <summary>
/// Finds files the tests read from the repository itself: <c>tests/data</c> (the captured real Ironic and Keystone
/// exchanges, Nova's hash-ring vectors) and <c>eng/</c> (the config drive checker). A clone needs nothing beside it.
/// </summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    public static string Eng(params string[] parts) => Path.Combine([Root, "eng", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BareMetal.Driver.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"BareMetal.Driver.sln was not found above {AppContext.BaseDirectory}.");
    }
}
