using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using System.Net;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Logging;

/// <summary>Each kind of secret, sent through the client with Trace logging on, never reaches a log entry.</summary>
public class RedactionTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");

    [Fact]
    public async Task Config_drive_and_rescue_password_never_reach_the_logs()
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.Accepted).Then(HttpStatusCode.Accepted);

        await test.Run(test.Client.SetProvisionStateAsync(Node, new ProvisionRequest(ProvisionTarget.Active) { ConfigDrive = ConfigDrive.FromImage("SECRETDRIVEQUJDRA==") }));
        await test.Run(test.Client.SetProvisionStateAsync(Node, new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("rescue-pw-123") }));

        Assert.Contains("SECRETDRIVE", test.Handler.Requests.First(r => r.Body?.Contains("configdrive") == true).Body);   // it was sent
        Assert.Contains(test.Logs.GetSnapshot(), e => e.Id.Id == 1003);                                                  // bodies were logged
        Assert.DoesNotContain("SECRETDRIVE", test.Logs.AllText());
        Assert.DoesNotContain("rescue-pw-123", test.Logs.AllText());
    }

    [Fact]
    public async Task Instance_info_secrets_user_data_and_temp_url_signatures_are_masked_in_bodies()
    {
        using var test = new TestClient();
        string node = """
            {"uuid":"1a1a1a1a-0000-4000-8000-00000000000a","instance_info":{"image_source":"https://swift.example/v1/obj?temp_url_sig=SIGNATURE123&temp_url_expires=1",
             "admin_password":"adminpw-xyz","user_data":"VVNFUkRBVEE=","image_url":"https://user:urlpw@images.example/img"},
             "driver_info":{"ipmi_password":"ipmi-pw-9","redfish_password":"rf-pw-1","ipmi_username":"admin"}}
            """;
        test.Handler.Then(HttpStatusCode.OK, node);

        await test.Run(test.Client.PatchNodeAsync(Node, [JsonPatchOperation.Add("/instance_info/admin_password", "adminpw-xyz")]));

        string logs = test.Logs.AllText();
        foreach (string secret in new[] { "SIGNATURE123", "adminpw-xyz", "VVNFUkRBVEE=", "urlpw", "ipmi-pw-9", "rf-pw-1" })
        {
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"{secret} leaked");
        }
        Assert.Contains("ipmi_username", logs);   // redaction is by key, not blanket
    }

    [Fact]
    public async Task Basic_auth_credentials_never_reach_the_logs()
    {
        using var test = new TestClient(o => { o.Auth.Type = IronicAuthType.HttpBasic; o.Auth.Username = "ironic"; o.Auth.Password = "basic-pw-77"; });
        test.Handler.Then(HttpStatusCode.OK, """{"uuid":"1a1a1a1a-0000-4000-8000-00000000000a"}""");

        await test.Run(test.Client.GetNodeAsync(Node));

        string header = test.Handler.NonDiscovery.Single().Headers["Authorization"];
        Assert.StartsWith("Basic ", header);
        Assert.DoesNotContain(header["Basic ".Length..], test.Logs.AllText());
        Assert.DoesNotContain("basic-pw-77", test.Logs.AllText());
    }

    [Fact]
    public async Task Secrets_inside_error_messages_are_masked_in_exceptions_and_logs()
    {
        using var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.ThenError(HttpStatusCode.BadRequest, "Validation of image href https://u:pw-in-url@img.example/x?sig=abc123 failed; password=leaked-pw");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => test.Run(test.Client.GetNodeAsync(Node)));

        foreach (string secret in new[] { "pw-in-url", "abc123", "leaked-pw" })
        {
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, test.Logs.AllText());
        }
    }

    [Theory]
    [InlineData("configdrive")]
    [InlineData("rescue_password")]
    [InlineData("ipmi_password")]
    [InlineData("auth_token")]
    [InlineData("X-Auth-Token")]
    [InlineData("user_data")]
    [InlineData("client_secret")]
    [InlineData("private_key")]
    [InlineData("Authorization")]
    public void Secret_keys_are_masked_in_json(string key)
    {
        var json = new System.Text.Json.Nodes.JsonObject { ["outer"] = new System.Text.Json.Nodes.JsonObject { [key] = "s3cr3t-value", ["safe"] = "visible" } };
        string redacted = SensitiveData.Redact(json)!.ToJsonString();
        Assert.DoesNotContain("s3cr3t-value", redacted);
        Assert.Contains("visible", redacted);
    }

    [Theory]
    [InlineData("refused: password=hunter2", "refused: password=***")]
    [InlineData("error: {'msg': 'token=hunter2'}", "error: {'msg': 'token=***'}")]
    [InlineData("a=b c: d password:hunter2;rest", "a=b c: d password:***;rest")]
    [InlineData("\"admin_pass\": \"hunter2\", \"name\": \"n1\"", "\"admin_pass\": \"***\", \"name\": \"n1\"")]
    [InlineData("password=hunter2=more password=again", "password=*** password=***")]
    [InlineData("state: deploy failed", "state: deploy failed")]
    public void A_secret_key_is_masked_wherever_it_stands_in_free_text(string text, string shown)
    {
        Assert.Equal(shown, SensitiveData.RedactText(text));
    }

    [Fact]
    public void Headers_are_allow_listed()
    {
        Assert.Equal(SensitiveData.Mask, SensitiveData.RedactHeader("X-Auth-Token", "gAAAAAtoken"));
        Assert.Equal(SensitiveData.Mask, SensitiveData.RedactHeader("Authorization", "Basic aXJvbmljOnB3"));
        Assert.Equal(SensitiveData.Mask, SensitiveData.RedactHeader("X-Subject-Token", "gAAAAAtoken"));
        Assert.Equal("1.82", SensitiveData.RedactHeader("X-OpenStack-Ironic-API-Version", "1.82"));
    }

    [Fact]
    public void Secret_wrapper_never_prints_its_value()
    {
        var secret = new Secret<string>("top-secret");
        Assert.Equal("***", secret.ToString());
        Assert.Equal("***", $"{secret}");
    }
}
