using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>POST /v1/volume/targets</c>, as Nova writes it from a block device mapping.</summary>
/// <param name="NodeUuid">The node.</param>
/// <param name="VolumeType">The connection's driver volume type (<c>iscsi</c>, <c>fibre_channel</c> …).</param>
/// <param name="BootIndex">0 for the boot volume; unique per node.</param>
/// <param name="VolumeId">The Cinder volume.</param>
/// <param name="Properties">The connection's data.</param>
public sealed record NewVolumeTarget(NodeId NodeUuid, string VolumeType, int BootIndex, string VolumeId,
    IReadOnlyDictionary<string, JsonElement>? Properties = null);
