using BareMetal.Ironic.Logging;
using BenchmarkDotNet.Attributes;

namespace BareMetal.Benchmarks.Logging;

/// <summary>What redacting a node body and an error message costs when Trace logging is on.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private readonly byte[] _node = System.Text.Encoding.UTF8.GetBytes("""
        {"uuid":"1a1a1a1a-0000-4000-8000-00000000000a","provision_state":"active","instance_info":{"image_source":"https://swift.example/v1/o?temp_url_sig=abc&temp_url_expires=1","root_gb":"10","configdrive":"H4sIAAAAAAAA","admin_password":"pw"},
         "driver_info":{"ipmi_address":"10.0.0.1","ipmi_username":"admin","ipmi_password":"******"},"properties":{"cpus":8,"memory_mb":16384,"local_gb":100,"cpu_arch":"x86_64"}}
        """);

    [Benchmark]
    public string RedactNodeBody() => SensitiveData.RedactBody(_node);

    [Benchmark]
    public string RedactErrorText() =>
        SensitiveData.RedactText("Validation of image href https://u:p@img.example/x?sig=abc123 failed; password=leaked for node 1a1a1a1a-0000-4000-8000-00000000000a");
}
