using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points a client registration at a <see cref="FakeIronic"/> instead of the network.</summary>
public static class FakeIronicHttpClientBuilderExtensions
{
    /// <summary>
    /// Sends this client's requests to <paramref name="fake"/> in-process, e.g.
    /// <c>services.AddIronicClient(o => o.Endpoint = new("http://ironic.test")).UseFakeIronic(fake)</c>.
    /// </summary>
    public static IHttpClientBuilder UseFakeIronic(this IHttpClientBuilder builder, FakeIronic fake)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fake);
        return builder.ConfigurePrimaryHttpMessageHandler(() => new FakeIronicHandler(fake));
    }
}
