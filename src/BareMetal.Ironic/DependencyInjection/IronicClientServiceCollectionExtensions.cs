using BareMetal.Ironic;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.DependencyInjection;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Resilience;
using BareMetal.Ironic.Transport;
using BareMetal.Ironic.Waiting;
using Refit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ironic client.</summary>
public static class IronicClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIronicClient"/> with validated <see cref="IronicClientOptions"/> (checked when the host starts),
    /// its auth, TLS and retry settings, and <see cref="TimeProvider.System"/> unless a TimeProvider is already registered.
    /// Safe to call twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> Ironic calls go through, e.g. to add a handler in tests.</returns>
    public static IHttpClientBuilder AddIronicClient(this IServiceCollection services, Action<IronicClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<IronicClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<IronicClientOptions>, FluentValidateOptions<IronicClientOptions>>());
        services.TryAddSingleton<IValidator<IronicClientOptions>, IronicClientOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KeystoneTokenProvider>();
        services.TryAddSingleton<IIronicCredentials>(sp => sp.GetRequiredService<IOptions<IronicClientOptions>>().Value.Auth switch
        {
            { Type: IronicAuthType.HttpBasic } basic => new HttpBasicCredentials(basic.Username!, basic.Password!),
            { Type: IronicAuthType.Keystone } => sp.GetRequiredService<KeystoneTokenProvider>(),
            _ => new NoCredentials(),
        });
        services.TryAddSingleton(sp =>
        {
            IronicClientOptions options = sp.GetRequiredService<IOptions<IronicClientOptions>>().Value;
            return new IronicEndpointResolver(options.Endpoint,
                options.Auth.Type == IronicAuthType.Keystone ? sp.GetRequiredService<KeystoneTokenProvider>() : null);
        });
        services.TryAddSingleton<INodeWaiter, NodeWaiter>();
        services.TryAddTransient<IronicAuthHandler>();
        services.TryAddTransient<IronicEndpointHandler>();
        services.TryAddTransient<IronicAttemptHandler>();
        services.TryAddSingleton<IIronicClient>(sp => new IronicClient(
            sp.GetRequiredService<IIronicApi>(), sp.GetRequiredService<IOptions<IronicClientOptions>>(),
            sp.GetRequiredService<IronicEndpointResolver>(), sp.GetRequiredService<IIronicCredentials>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IronicClient>>()));

        // Our own log lines redact URLs and bodies; the factory's default loggers would print headers and URLs as they are.
        services.AddHttpClient(KeystoneTokenProvider.HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)   // the login has its own deadline on the TimeProvider
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RemoveAllLoggers();
        if (services.Any(s => s.ServiceType == typeof(IIronicApi)))
        {
            return services.AddHttpClient(IronicClient.HttpClientName);
        }
        // Once per call: the endpoint, then the retries; once per attempt: deadline, bounded body and telemetry, then auth.
        IHttpClientBuilder ironic = services.AddRefitGeneratedClient<IIronicApi>(_ => RefitSettings(),
                IronicClient.HttpClientName)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = IronicEndpointHandler.Placeholder;
                http.Timeout = Timeout.InfiniteTimeSpan;   // each attempt has its own deadline on the TimeProvider
            })
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddHttpMessageHandler<IronicEndpointHandler>();
        ironic.AddResilienceHandler("ironic", static (pipeline, context) => IronicRetryRules.AddTo(pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<IronicClientOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILogger<IronicClient>>()));
        return ironic
            .AddHttpMessageHandler<IronicAttemptHandler>()
            .AddHttpMessageHandler<IronicAuthHandler>()
            .RemoveAllLoggers();
    }

    private static RefitSettings RefitSettings()
    {
        // From the JSON context, so its snake_case names and null handling hold; buffered, so bodies have a length.
        RefitSettings settings = Refit.RefitSettings.ForJsonContext(IronicJsonContext.Default);
        settings.Buffered = true;
        settings.ContentSerializer = new SpanJsonSerializer(settings.ContentSerializer, IronicJsonContext.Default);
        // Refit's exceptions never leave the client, but nothing they hold may carry a credential.
        settings.ExceptionRedactor = static e =>
        {
            e.RequestMessage.Headers.Authorization = null;
            e.RequestMessage.Headers.Remove("X-Auth-Token");
        };
        return settings;
    }

    // Both named clients (Ironic and Keystone) take their primary handler from the one TLS configuration.
    private static HttpMessageHandler PrimaryHandler(IServiceProvider services) =>
        IronicHttpHandlers.CreatePrimary(services.GetRequiredService<IOptions<IronicClientOptions>>().Value.Tls);
}
