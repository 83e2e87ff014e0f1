using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Ironic;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BareMetal.Contract.Tests.Auth;

/// <summary>
/// Keystone v3 auth against the real Keystone and the real Ironic that validates its tokens (eng/keystone,
/// started with KS_WITH_IRONIC=1 and short tokens, KS_TOKEN_EXPIRATION=8). No Ironic endpoint is configured: it
/// comes from the catalog.
/// </summary>
public sealed class KeystoneContractTests
{
    private const int TokenIssuedEvent = 1100, TokenRejectedEvent = 1101;

    private static Dictionary<string, string> Credentials() =>
        File.ReadAllLines(Environment.GetEnvironmentVariable("KEYSTONE_CREDENTIALS")!)
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private static ServiceProvider Build(Action<KeystoneAuthOptions> login, FakeLogCollector logs, TimeProvider? time = null)
    {
        Dictionary<string, string> credentials = Credentials();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        if (time is not null) { services.AddSingleton(time); }
        services.AddIronicClient(o =>
        {
            o.Auth.Type = IronicAuthType.Keystone;
            o.Auth.Keystone.AuthUrl = new Uri(credentials["OS_AUTH_URL"]);
            o.Auth.Keystone.Region = credentials["OS_REGION_NAME"];
            login(o.Auth.Keystone);
        });
        ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        return provider;
    }

    private static void DemoPassword(KeystoneAuthOptions k)
    {
        Dictionary<string, string> c = Credentials();
        k.Username = c["OS_USERNAME"];
        k.Password = c["OS_PASSWORD"];
        k.ProjectName = c["OS_PROJECT_NAME"];
    }

    private static async Task<int> CountNodes(IIronicClient client)
    {
        int count = 0;
        await foreach (Node _ in client.ListNodesAsync(new NodeQuery { Fields = ["uuid"] })) { count++; }
        return count;
    }

    [RealKeystoneFact]
    public async Task Password_login_takes_the_baremetal_endpoint_from_the_catalog_and_lists_nodes()
    {
        var logs = new FakeLogCollector();
        await using ServiceProvider provider = Build(DemoPassword, logs);

        Uri endpoint = await provider.GetRequiredService<IronicEndpointResolver>().GetAsync(CancellationToken.None);
        int nodes = await CountNodes(provider.GetRequiredService<IIronicClient>());

        Assert.Equal(new Uri(Credentials()["KS_BAREMETAL_URL"] + "/"), endpoint);
        Assert.True(nodes >= 0);
        Assert.Single(logs.GetSnapshot(), e => e.Id.Id == TokenIssuedEvent);
        Assert.DoesNotContain(Credentials()["OS_PASSWORD"], logs.AllText());
    }

    [RealKeystoneFact]
    public async Task Application_credential_login_lists_nodes()
    {
        var logs = new FakeLogCollector();
        Dictionary<string, string> c = Credentials();
        await using ServiceProvider provider = Build(k =>
        {
            k.ApplicationCredentialId = c["OS_APPLICATION_CREDENTIAL_ID"];
            k.ApplicationCredentialSecret = c["OS_APPLICATION_CREDENTIAL_SECRET"];
        }, logs);

        await CountNodes(provider.GetRequiredService<IIronicClient>());

        Assert.Contains(logs.GetSnapshot(), e => e.Id.Id == TokenIssuedEvent && e.Message.Contains("application_credential", StringComparison.Ordinal));
        Assert.DoesNotContain(c["OS_APPLICATION_CREDENTIAL_SECRET"], logs.AllText());
    }

    [RealKeystoneFact]
    public async Task A_wrong_password_is_a_keystone_authentication_error_that_is_not_retried()
    {
        var logs = new FakeLogCollector();
        await using ServiceProvider provider = Build(k => { DemoPassword(k); k.Password = "definitely-wrong"; }, logs);

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => CountNodes(provider.GetRequiredService<IIronicClient>()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("definitely-wrong", error.ToString() + logs.AllText());
    }

    [RealKeystoneFact]
    public async Task A_call_after_the_token_expired_logs_in_again_before_sending()
    {
        var logs = new FakeLogCollector();
        await using ServiceProvider provider = Build(DemoPassword, logs);
        KeystoneToken first = await provider.GetRequiredService<KeystoneTokenProvider>().GetTokenAsync(CancellationToken.None);
        TimeSpan lifetime = first.ExpiresAt - first.IssuedAt;
        Assert.True(lifetime <= TimeSpan.FromSeconds(30), $"Start Keystone with short tokens (KS_TOKEN_EXPIRATION=8); they last {lifetime}.");
        IIronicClient client = provider.GetRequiredService<IIronicClient>();
        await CountNodes(client);

        await Task.Delay(first.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));   // the real Keystone's clock
        await CountNodes(client);

        Assert.Equal(2, logs.GetSnapshot().Count(e => e.Id.Id == TokenIssuedEvent));
        Assert.DoesNotContain(logs.GetSnapshot(), e => e.Id.Id == TokenRejectedEvent);   // refreshed before Ironic could refuse it
    }

    [RealKeystoneFact]
    public async Task A_token_ironic_refuses_as_expired_is_replaced_once_and_the_call_succeeds()
    {
        var logs = new FakeLogCollector();
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);   // the client believes its token is still fresh
        await using ServiceProvider provider = Build(DemoPassword, logs, frozen);
        KeystoneToken first = await provider.GetRequiredService<KeystoneTokenProvider>().GetTokenAsync(CancellationToken.None);
        Assert.True(first.ExpiresAt - first.IssuedAt <= TimeSpan.FromSeconds(30), "Start Keystone with short tokens (KS_TOKEN_EXPIRATION=8).");
        IIronicClient client = provider.GetRequiredService<IIronicClient>();

        await Task.Delay(first.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        await CountNodes(client);

        Assert.Single(logs.GetSnapshot(), e => e.Id.Id == TokenRejectedEvent);
        Assert.Equal(2, logs.GetSnapshot().Count(e => e.Id.Id == TokenIssuedEvent));
    }
}
