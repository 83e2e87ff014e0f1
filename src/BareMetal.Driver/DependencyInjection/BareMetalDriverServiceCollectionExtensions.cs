using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Console;
using BareMetal.Driver.Destroying;
using BareMetal.Driver.Locking;
using BareMetal.Driver.Networking;
using BareMetal.Driver.Volumes;
using BareMetal.Driver.Power;
using BareMetal.Driver.Rebuild;
using BareMetal.Driver.Rescue;
using BareMetal.Driver.Resources;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Spawning;
using BareMetal.Driver.Validation;
using BareMetal.Driver.Waiting;
using BareMetal.Ironic.DependencyInjection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the bare-metal compute driver.</summary>
public static class BareMetalDriverServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IBareMetalDriver"/> with validated options (checked at startup), its config drive builder and the
    /// node resource cache (<see cref="INodeResourceCache"/>; register an <see cref="IOwnedInstances"/> to apply Nova's
    /// ownership rule and an <see cref="IComputeMembership"/> to follow the live services).
    /// Register the Ironic client beside it with <c>AddIronicClient(...)</c>.
    /// </summary>
    public static IServiceCollection AddBareMetalDriver(this IServiceCollection services, Action<DriverOptions> configure,
        Action<ConfigDriveOptions>? configureDrives = null, Action<ResourceCacheOptions>? configureCache = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DriverOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DriverOptions>>(new FluentValidateOptions<DriverOptions>(new DriverOptionsValidator()));
        services.AddOptions<ConfigDriveOptions>().Configure(o => configureDrives?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodeLocks>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DriverOptions>>().Value);
        services.TryAddSingleton<IConfigDriveBuilder>(sp => new ConfigDriveBuilder(
            sp.GetRequiredService<IOptions<ConfigDriveOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<NodePoller>();
        services.TryAddSingleton<DriverContext>();
        services.TryAddSingleton<VifOperations>();
        services.TryAddSingleton<VolumeOperations>();
        services.TryAddSingleton<Teardown>();
        services.TryAddSingleton<SpawnWorkflow>();
        services.TryAddSingleton<DestroyWorkflow>();
        services.TryAddSingleton<PowerOperations>();
        services.TryAddSingleton<RescueOperations>();
        services.TryAddSingleton<RebuildWorkflow>();
        services.TryAddSingleton<ConsoleOperations>();
        services.TryAddSingleton<IValidator<SpawnRequest>, SpawnRequestValidator>();
        services.TryAddSingleton<IValidator<DestroyRequest>, DestroyRequestValidator>();
        services.TryAddSingleton<IValidator<RescueRequest>, RescueRequestValidator>();
        services.TryAddSingleton<IValidator<RebuildRequest>, RebuildRequestValidator>();
        services.TryAddSingleton<IValidator<VolumeConnectorRequest>, VolumeConnectorRequestValidator>();
        services.TryAddSingleton<IBareMetalDriver, BareMetalDriver>();
        services.AddOptions<ResourceCacheOptions>().Configure(o => configureCache?.Invoke(o));
        services.TryAddSingleton(sp => new NodePartition(sp.GetRequiredService<BareMetal.Ironic.IIronicClient>(),
            sp.GetRequiredService<IOptions<ResourceCacheOptions>>().Value, sp.GetService<IOwnedInstances>(),
            sp.GetService<IComputeMembership>()));
        services.TryAddSingleton<INodeResourceCache>(sp => new NodeResourceCache(sp.GetRequiredService<BareMetal.Ironic.IIronicClient>(),
            sp.GetRequiredService<NodePartition>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
