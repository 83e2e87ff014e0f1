using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Fake.Tests;

/// <summary>
/// Replays every captured real request (<c>tests/data/ironic/samples</c>) against the fake in the capture's order, with
/// the capture script's unrecorded setup calls in between, and requires the same status, headers and JSON: same keys
/// in the same order, same values, except values that differ by nature (timestamps, request ids).
/// </summary>
public sealed partial class SampleReplayTests
{
    private const string NodeA = "1a1a1a1a-0000-4000-8000-00000000000a";
    private const string NodeB = "1b1b1b1b-0000-4000-8000-00000000000b";
    private const string NodeC = "1c1c1c1c-0000-4000-8000-00000000000c";
    private const string Image = "c1e5a3f6-0000-4000-8000-00000000000e";

    [Fact]
    public async Task The_noauth_samples_replay_identically()
    {
        var fake = new FakeIronic(new FakeIronicOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 20, 0, TimeSpan.Zero)));
        using var http = new HttpClient(fake.CreateHandler()) { BaseAddress = new Uri("http://127.0.0.1:6387") };
        var setup = new Dictionary<int, Func<Task>>
        {
            [7] = () => Call(http, "PUT", $"/v1/nodes/{NodeA}/states/power", """{"target":"power off"}"""),
            [9] = async () =>
            {
                await Enroll(fake, http, NodeB, "node-b", "52:54:00:bb:00:01");
                await Enroll(fake, http, NodeC, "node-c", "52:54:00:cc:00:01");
            },
            [79] = () => Call(http, "POST", $"/v1/nodes/{NodeA}/vifs", """{"id":"3e000001-0000-4000-8000-000000000001"}"""),
            [80] = () => Call(http, "PATCH", $"/v1/nodes/{NodeB}",
                $$"""[{"op":"add","path":"/instance_uuid","value":"9f000002-0000-4000-8000-000000000002"},{"op":"add","path":"/instance_info/image_source","value":"{{Image}}"}]"""),
            [82] = async () =>
            {
                await Call(http, "PUT", $"/v1/nodes/{NodeB}/states/provision", """{"target":"deleted"}""");
                fake.SettleAll();
                await Call(http, "PATCH", $"/v1/nodes/{NodeB}",
                    $$"""[{"op":"add","path":"/instance_uuid","value":"9f000002-0000-4000-8000-000000000002"},{"op":"add","path":"/instance_info/image_source","value":"{{Image}}"}]""");
            },
            [93] = () => Call(http, "PATCH", $"/v1/nodes/{NodeC}", """[{"op":"add","path":"/instance_info/image_source","value":"my-image"}]"""),
            [94] = () => Call(http, "PATCH", $"/v1/nodes/{NodeC}", """[{"op":"remove","path":"/instance_info"}]"""),
        };

        var mismatches = new List<string>();
        foreach (string file in SampleFiles().Where(f => Number(f) <= 97))
        {
            if (setup.TryGetValue(Number(file), out Func<Task>? before))
            {
                await before();
                fake.SettleAll();
            }
            mismatches.AddRange(await Replay(http, file, credentials: null));
            fake.SettleAll();   // the capture waited for every transition it started
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task The_http_basic_conductor_group_and_locking_samples_replay_identically()
    {
        var fake = new FakeIronic(new FakeIronicOptions
        {
            BasicAuth = new FakeBasicAuth("ironic", "capture-pw"),
            ConductorGroup = "rack1",
            Timings = new FakeIronicTimings { Power = TimeSpan.FromSeconds(20) },   // as [fake]power_delay=10 held the lock
        }, new FakeTimeProvider());
        using var http = new HttpClient(fake.CreateHandler()) { BaseAddress = new Uri("http://127.0.0.1:6388") };

        var mismatches = new List<string>();
        foreach (string file in SampleFiles().Where(f => Number(f) >= 98))
        {
            mismatches.AddRange(await Replay(http, file, credentials: file.Contains("bad-password", StringComparison.Ordinal) ? "ironic:wrong" : "ironic:capture-pw"));
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(RepositoryFiles.TestData("ironic", "samples"), "*.json").Select(Path.GetFileName).Order()!;

    private static int Number(string file) => int.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Enroll(FakeIronic fake, HttpClient http, string uuid, string name, string mac)
    {
        await Call(http, "POST", "/v1/nodes",
            $$$"""{"uuid":"{{{uuid}}}","name":"{{{name}}}","driver":"fake-hardware","resource_class":"baremetal-gold","properties":{"cpus":8,"memory_mb":16384,"local_gb":100,"cpu_arch":"x86_64"}}""");
        await Call(http, "POST", "/v1/ports", $$"""{"node_uuid":"{{uuid}}","address":"{{mac}}"}""");
        await Call(http, "PUT", $"/v1/nodes/{uuid}/states/power", """{"target":"power off"}""");
        fake.SettleAll();
        await Call(http, "PUT", $"/v1/nodes/{uuid}/states/provision", """{"target":"manage"}""");
        fake.SettleAll();
        await Call(http, "PUT", $"/v1/nodes/{uuid}/states/provision", """{"target":"provide"}""");
    }

    private static async Task Call(HttpClient http, string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-OpenStack-Ironic-API-Version", "1.82");
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"setup {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<IEnumerable<string>> Replay(HttpClient http, string file, string? credentials)
    {
        using JsonDocument sample = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryFiles.TestData("ironic", "samples", file)));
        JsonElement req = sample.RootElement.GetProperty("request");
        JsonElement expected = sample.RootElement.GetProperty("response");

        using var request = new HttpRequestMessage(new HttpMethod(req.GetProperty("method").GetString()!), req.GetProperty("path").GetString());
        JsonElement body = req.GetProperty("body");
        if (body.ValueKind != JsonValueKind.Null)
        {
            string text = body.ValueKind == JsonValueKind.String && file.Contains("bad-json", StringComparison.Ordinal) ? body.GetString()! : body.GetRawText();
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        foreach (JsonProperty header in req.GetProperty("headers").EnumerateObject())
        {
            string value = header.Value.GetString()!;
            if (header.Name == "Authorization")
            {
                if (credentials is null) { continue; }
                value = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
            }
            if (header.Name != "Content-Type") { request.Headers.TryAddWithoutValidation(header.Name, value); }
        }

        using HttpResponseMessage actual = await http.SendAsync(request);
        var problems = new List<string>();
        int expectedStatus = expected.GetProperty("status").GetInt32();
        if ((int)actual.StatusCode != expectedStatus) { problems.Add($"status {(int)actual.StatusCode}, expected {expectedStatus}"); }
        CompareHeaders(expected.GetProperty("headers"), actual, problems);
        string actualText = await actual.Content.ReadAsStringAsync();
        JsonElement expectedBody = expected.GetProperty("body");
        if (expectedBody.ValueKind == JsonValueKind.Null)
        {
            if (actualText.Length > 0) { problems.Add($"body {actualText}, expected none"); }
        }
        else
        {
            using JsonDocument actualBody = JsonDocument.Parse(actualText);
            CompareJson(expectedBody, actualBody.RootElement, "$", problems);
        }
        return problems.Select(p => $"{file}: {p}");
    }

    private static void CompareHeaders(JsonElement expected, HttpResponseMessage actual, List<string> problems)
    {
        var actualHeaders = actual.Headers.Concat(actual.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string[] ignored = ["Content-Length", "Date", "Server"];
        var expectedHeaders = expected.EnumerateObject().Where(h => !ignored.Contains(h.Name, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name, h => h.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in expectedHeaders)
        {
            if (!actualHeaders.TryGetValue(name, out string? got)) { problems.Add($"header {name} missing"); }
            else if (!name.Equals("Openstack-Request-Id", StringComparison.OrdinalIgnoreCase) && got != value) { problems.Add($"header {name}: {got}, expected {value}"); }
        }
        foreach (string name in actualHeaders.Keys.Where(n => !expectedHeaders.ContainsKey(n) && !ignored.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"header {name} not sent by Ironic");
        }
    }

    private static void CompareJson(JsonElement expected, JsonElement actual, string path, List<string> problems)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsVolatile(path) && (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)))
        {
            problems.Add($"{path}: {actual.ValueKind} {Short(actual)}, expected {expected.ValueKind} {Short(expected)}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                string[] expectedKeys = [.. expected.EnumerateObject().Select(p => p.Name)];
                string[] actualKeys = [.. actual.EnumerateObject().Select(p => p.Name)];
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    problems.Add($"{path}: keys [{string.Join(",", actualKeys)}], expected [{string.Join(",", expectedKeys)}]");
                    return;
                }
                if (path.EndsWith(".driver_internal_info", StringComparison.Ordinal)) { return; }   // conductor bookkeeping
                foreach (JsonProperty p in expected.EnumerateObject()) { CompareJson(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}", problems); }
                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    problems.Add($"{path}: {actual.GetArrayLength()} items, expected {expected.GetArrayLength()}");
                    return;
                }
                int i = 0;
                foreach ((JsonElement e, JsonElement a) in expected.EnumerateArray().Zip(actual.EnumerateArray())) { CompareJson(e, a, $"{path}[{i++}]", problems); }
                break;
            case JsonValueKind.String when path.EndsWith(".error_message", StringComparison.Ordinal):
                using (JsonDocument e = JsonDocument.Parse(expected.GetString()!))
                using (JsonDocument a = JsonDocument.Parse(actual.GetString()!))
                {
                    CompareJson(e.RootElement, a.RootElement, path + "(decoded)", problems);
                }
                break;
            case JsonValueKind.String when IsVolatile(path) || Timestamp().IsMatch(expected.GetString()!):
                if (actual.ValueKind == JsonValueKind.String && !Timestamp().IsMatch(actual.GetString()!)) { problems.Add($"{path}: {actual}, expected a timestamp"); }
                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString()) { problems.Add($"{path}: {Short(actual)}, expected {Short(expected)}"); }
                break;
            default:
                if (expected.GetRawText() != actual.GetRawText()) { problems.Add($"{path}: {Short(actual)}, expected {Short(expected)}"); }
                break;
        }
    }

    /// <summary>Timestamps that depend on when things happened, not on what happened.</summary>
    private static bool IsVolatile(string path) =>
        path.EndsWith("updated_at", StringComparison.Ordinal) || path.EndsWith("created_at", StringComparison.Ordinal);

    private static string Short(JsonElement e) => e.GetRawText() is { Length: > 200 } t ? t[..200] + "…" : e.GetRawText();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(\+00:00)?$")]
    private static partial Regex Timestamp();
}
