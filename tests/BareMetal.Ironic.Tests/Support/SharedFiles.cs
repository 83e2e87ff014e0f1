namespace BareMetal.Ironic.Tests.Support;

/// <summary>Finds <c>shared/</c> beside the repository (or <c>BAREMETAL_SHARED</c>): the real samples and vectors are read from there, never copied.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("BAREMETAL_SHARED") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BareMetal.Driver.sln")))
            {
                string shared = System.IO.Path.Combine(dir.Parent!.FullName, "shared");
                if (Directory.Exists(shared)) { return shared; }
            }
        }
        throw new DirectoryNotFoundException("shared/ was not found beside the repository; set BAREMETAL_SHARED.");
    }
}
