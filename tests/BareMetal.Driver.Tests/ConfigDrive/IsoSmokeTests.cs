using System.Text;
using BareMetal.Driver.ConfigDrive.Iso;
using BareMetal.Driver.Tests.ConfigDrive.Support;

namespace BareMetal.Driver.Tests.ConfigDrive;

public sealed class IsoSmokeTests
{
    [ConfigDriveCheckFact]
    public async Task A_minimal_tree_passes()
    {
        byte[] meta = Encoding.UTF8.GetBytes("""{"uuid":"f11c9f5c-c701-46fa-8bcc-20da8c84e356","hostname":"x","name":"x"}""");
        using var iso = new MemoryStream();
        Iso9660Writer.Write([new IsoFile("openstack/latest/meta_data.json", meta), new IsoFile("openstack/2012-08-10/meta_data.json", meta)],
            new IsoVolume { CreatedAt = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero) }, iso);
        CheckResult result = await ConfigDriveChecker.CheckAsync(iso.ToArray());
        Assert.True(result.ExitCode == 0, result.ToString() + result.Output);
    }
}
