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

/// <summary>
/// Redaction of what a hostile server may send: 1 MB and 64 MB of one long word, of key=value pairs and of URLs. The
/// whole-text cases show that every pattern is linear (64× the input, about 64× the time); the default path cuts
/// first, so its cost does not grow with the input at all.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class HostileRedactionBenchmarks
{
    private string _text = "";
    private byte[] _errorBody = [];

    /// <summary>The input size in MiB.</summary>
    [Params(1, 64)]
    public int MiB { get; set; }

    /// <summary>The text's shape.</summary>
    [Params("letters", "pairs", "urls")]
    public string Shape { get; set; } = "letters";

    [GlobalSetup]
    public void Setup()
    {
        string unit = Shape switch
        {
            "letters" => "a",
            "pairs" => "password=hunter2 name=node-1 ",
            _ => "http://user:pw@ironic.example:6385/v1/nodes?sig=abc ",
        };
        int chars = MiB * 1024 * 1024;
        _text = string.Concat(Enumerable.Repeat(unit, chars / unit.Length + 1))[..chars];
        _errorBody = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { error_message = _text }));
    }

    /// <summary>Every pattern over the whole text: linear in its length.</summary>
    [Benchmark]
    public int WholeText() => SensitiveData.RedactText(_text, int.MaxValue).Length;

    /// <summary>What logs and exceptions do: cut to 4096 characters, then redact.</summary>
    [Benchmark]
    public int CutThenRedact() => SensitiveData.RedactText(_text).Length;

    /// <summary>An Ironic error body of that size, as the client reads it into an exception message.</summary>
    [Benchmark]
    public int ErrorBody() => BareMetal.Ironic.Errors.IronicErrorBody.ReadMessage(_errorBody).Length;
}
