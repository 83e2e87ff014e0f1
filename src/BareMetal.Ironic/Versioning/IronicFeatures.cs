namespace BareMetal.Ironic.Versioning;

/// <summary>The feature → minimum microversion table (Ironic's API reference, checked against Ironic 21.4).</summary>
public static class IronicFeatures
{
    /// <summary>The lowest microversion that has <paramref name="feature"/>.</summary>
    public static ApiVersion MinimumVersion(IronicFeature feature) => feature switch
    {
        IronicFeature.NodeNames => new(1, 5),
        IronicFeature.FieldSelection => new(1, 8),
        IronicFeature.ProvisionStateFilter => new(1, 9),
        IronicFeature.ResourceClass => new(1, 21),
        IronicFeature.Portgroups => new(1, 24),
        IronicFeature.SoftPower => new(1, 27),
        IronicFeature.Vifs => new(1, 28),
        IronicFeature.InjectNmi => new(1, 29),
        IronicFeature.Volumes => new(1, 32),
        IronicFeature.RebuildConfigDrive => new(1, 35),
        IronicFeature.Traits => new(1, 37),
        IronicFeature.Rescue => new(1, 38),
        IronicFeature.Fault => new(1, 42),
        IronicFeature.ConductorGroup => new(1, 46),
        IronicFeature.Allocations => new(1, 52),
        IronicFeature.DeployTemplates => new(1, 55),
        IronicFeature.ConfigDriveJson => new(1, 56),
        IronicFeature.ConfigDriveVendorData => new(1, 59),
        IronicFeature.VifAttachToPort => new(1, 67),
        IronicFeature.Shards => new(1, 82),
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown feature."),
    };
}
