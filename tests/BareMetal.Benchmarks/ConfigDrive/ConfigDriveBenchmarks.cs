using System.Text;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;
using BenchmarkDotNet.Attributes;

namespace BareMetal.Benchmarks.ConfigDrive;

/// <summary>
/// Building a whole config drive (Nova's tree with every version, the ISO, and gzip + base64), as the driver does
/// for each spawn. Compare with Nova's genisoimage → gzip → base64 pipeline (eng/configdrive/bench-nova-pipeline).
/// </summary>
[MemoryDiagnoser]
public class ConfigDriveBenchmarks
{
    private readonly ConfigDriveBuilder _builder = new(new ConfigDriveOptions(), TimeProvider.System);
    private ConfigDriveContent _content = null!;

    /// <summary>1 KiB of user data (Nova's small case) or 49,149 bytes (Nova's API limit; Nova's "64 KiB" case is capped there).</summary>
    [Params(1024, 49149)]
    public int UserDataBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        byte[] raw = new byte[UserDataBytes];
        random.NextBytes(raw);
        // Printable user data, as Nova's benchmark uses (base64 of random bytes).
        byte[] userData = Encoding.ASCII.GetBytes(Convert.ToBase64String(raw))[..UserDataBytes];
        _content = new ConfigDriveContent
        {
            Metadata = new InstanceMetadata
            {
                Uuid = InstanceId.Parse("f11c9f5c-c701-46fa-8bcc-20da8c84e356"), Name = "bm-web-01", Hostname = "bm-web-01.novalocal",
                AvailabilityZone = "nova", ProjectId = "76ea5cc4549640ec81e09b45ccb21db1", AdminPassword = new Secret<string>("Sample-Admin-Pass-1"),
                Keys = [new KeyPair("ops-key", "ssh", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKGCmO86l7dTVxMD+oTC+EPci/q0Bb3u3zzge+WQs1ki ops@example.invalid")],
                Meta = new Dictionary<string, string> { ["role"] = "web", ["env"] = "staging" },
            },
            UserData = new Secret<ReadOnlyMemory<byte>>(userData),
            Files = [new InjectedFile("/etc/motd.d/10-configdrive", "managed\n"u8.ToArray())],
        };
    }

    [Benchmark(Description = "ISO image")]
    public Task<long> Iso() => _builder.WriteAsync(_content, ConfigDriveEncoding.Iso, Stream.Null);

    [Benchmark(Description = "ISO + gzip + base64")]
    public Task<long> GzipBase64() => _builder.WriteAsync(_content, ConfigDriveEncoding.GzipBase64, Stream.Null);
}
