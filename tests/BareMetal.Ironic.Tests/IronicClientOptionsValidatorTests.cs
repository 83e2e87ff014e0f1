using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BareMetal.Ironic.Tests;

public class IronicClientOptionsValidatorTests
{
    private static OptionsValidationException Invalid(Action<IronicClientOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIronicClient(configure);
        using ServiceProvider provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void An_endpoint_with_credentials_stops_the_host_without_printing_them()
    {
        OptionsValidationException error = Invalid(o => o.Endpoint = new Uri("http://admin:hunter2@ironic.example:6385"));
        Assert.Contains("Endpoint", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("endpoint")]
    [InlineData("basic")]
    [InlineData("keystone")]
    [InlineData("versions")]
    [InlineData("retries")]
    [InlineData("page")]
    public void Each_bad_setting_is_named(string which)
    {
        OptionsValidationException error = Invalid(o =>
        {
            o.Endpoint = new Uri("http://ironic.example:6385");
            switch (which)
            {
                case "endpoint": o.Endpoint = null; break;
                case "basic": o.Auth.Type = IronicAuthType.HttpBasic; o.Auth.Username = "u"; break;
                case "keystone": o.Auth.Type = IronicAuthType.Keystone; o.Auth.Keystone.AuthUrl = new Uri("http://ks:5000/v3"); o.Auth.Keystone.Username = "u"; break;
                case "versions": o.MinimumApiVersion = "1.90"; o.MaximumApiVersion = "1.82"; break;
                case "retries": o.MaxRetries = -1; break;
                case "page": o.PageSize = 0; break;
            }
        });
        Assert.NotEmpty(error.Failures);
    }
}
