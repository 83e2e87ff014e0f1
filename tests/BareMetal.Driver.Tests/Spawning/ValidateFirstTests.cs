using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Logging;

namespace BareMetal.Driver.Tests.Spawning;

/// <summary>Everything the drive builder would refuse is refused before the first call: no reservation to undo.</summary>
public sealed class ValidateFirstTests
{
    public static TheoryData<string> UnbuildableDrives => new() { "user_data", "files", "path", "image" };

    private static ConfigDriveContent Unbuildable(ConfigDriveContent drive, string what) => what switch
    {
        "user_data" => drive with { UserData = new Secret<ReadOnlyMemory<byte>>(new byte[ConfigDriveBuilder.MaxUserDataBytes + 1]) },
        "files" => drive with { Files = [.. Enumerable.Range(0, 257).Select(i => new InjectedFile($"/etc/f{i}", "x"u8.ToArray()))] },
        "path" => drive with { Files = [new InjectedFile("/etc/../shadow", "x"u8.ToArray())] },
        _ => drive with { VendorData = System.Text.Json.JsonSerializer.SerializeToElement(new { blob = new string('v', 3 * 1024 * 1024) }) },
    };

    [Theory]
    [MemberData(nameof(UnbuildableDrives))]
    public async Task A_drive_the_builder_would_refuse_is_refused_before_any_call(string what)
    {
        await using var h = new DriverHarness(nodes: 1, driveOptions: o => o.MaxImageBytes = 16L * 1024 * 1024);
        SpawnRequest spawn = DriverHarness.Spawn(h.Nodes[0]);
        SpawnRequest bad = spawn with { ConfigDrive = Unbuildable(spawn.ConfigDrive!, what) };

        var error = await Assert.ThrowsAsync<InvalidDriverRequestException>(() => h.Driver.SpawnAsync(bad));
        var rebuild = await Assert.ThrowsAsync<InvalidDriverRequestException>(() => h.Driver.RebuildAsync(
            new RebuildRequest { Instance = spawn.Instance, ImageSource = spawn.ImageSource!, ConfigDrive = bad.ConfigDrive }));

        Assert.Contains(error.Problems, p => p.StartsWith("ConfigDrive: ", StringComparison.Ordinal));
        Assert.Equal(error.Problems, rebuild.Problems);
        Assert.Empty(h.Fake.Requests);
    }
}
