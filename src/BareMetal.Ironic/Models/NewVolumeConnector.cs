using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>POST /v1/volume/connectors</c>.</summary>
/// <param name="NodeUuid">The node.</param>
/// <param name="Type"><c>iqn</c>, <c>ip</c>, <c>mac</c>, <c>wwnn</c>, <c>wwpn</c>, <c>port</c> or <c>portgroup</c>.</param>
/// <param name="ConnectorId">The initiator's identity of that type; unique per type.</param>
public sealed record NewVolumeConnector(NodeId NodeUuid, string Type, string ConnectorId);
