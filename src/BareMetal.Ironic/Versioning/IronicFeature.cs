namespace BareMetal.Ironic.Versioning;

/// <summary>
/// Ironic API features the client and driver use, each gated on a minimum microversion (see
/// <see cref="IronicFeatures"/>).
/// </summary>
public enum IronicFeature
{
    /// <summary><c>fields=</c> selection (1.8).</summary>
    FieldSelection,
    /// <summary>Nodes addressed by name (1.5).</summary>
    NodeNames,
    /// <summary><c>provision_state</c> list filter (1.9).</summary>
    ProvisionStateFilter,
    /// <summary><c>resource_class</c> field and filter (1.21).</summary>
    ResourceClass,
    /// <summary>Portgroups and <c>portgroup_uuid</c> on ports (1.24).</summary>
    Portgroups,
    /// <summary>Soft power off/reboot and power <c>timeout</c> (1.27).</summary>
    SoftPower,
    /// <summary>The VIF API (1.28).</summary>
    Vifs,
    /// <summary>Inject NMI (1.29).</summary>
    InjectNmi,
    /// <summary>Volume connectors and targets, for boot from volume (1.32).</summary>
    Volumes,
    /// <summary>A config drive with <c>rebuild</c> (1.35).</summary>
    RebuildConfigDrive,
    /// <summary>Node traits (1.37).</summary>
    Traits,
    /// <summary>Rescue and unrescue (1.38).</summary>
    Rescue,
    /// <summary>The <c>fault</c> field and filter (1.42).</summary>
    Fault,
    /// <summary><c>conductor_group</c> field and filter (1.46).</summary>
    ConductorGroup,
    /// <summary>Allocations: Ironic picks a node by resource class and traits (1.52).</summary>
    Allocations,
    /// <summary>Deploy templates, chosen by an instance's traits (1.55).</summary>
    DeployTemplates,
    /// <summary>The config drive as a JSON object (1.56).</summary>
    ConfigDriveJson,
    /// <summary><c>vendor_data</c> inside the JSON config drive (1.59).</summary>
    ConfigDriveVendorData,
    /// <summary>VIF attach to a given port or portgroup (1.67).</summary>
    VifAttachToPort,
    /// <summary><c>shard</c> field and filter (1.82).</summary>
    Shards,
}
