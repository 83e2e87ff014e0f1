using System.Text.Json;

namespace BareMetal.Driver.Requests;

/// <summary>
/// A Cinder volume of the instance (a block device mapping), written to Ironic as a volume target before the deploy.
/// The volume with boot index 0 is the root disk: the node boots from it and no image is written.
/// </summary>
/// <param name="VolumeId">The Cinder volume.</param>
/// <param name="VolumeType">The connection's driver volume type: <c>iscsi</c>, <c>fibre_channel</c>, <c>rbd</c> or <c>nvmeof</c>.</param>
/// <param name="BootIndex">0 for the boot volume; unique within the instance.</param>
public sealed record InstanceVolume(string VolumeId, string VolumeType, int BootIndex)
{
    /// <summary>The connection's data (target IQN, portal, LUN …), as Cinder's connection_info gives it.</summary>
    public IReadOnlyDictionary<string, JsonElement> Properties { get; init; } = new Dictionary<string, JsonElement>();
}
