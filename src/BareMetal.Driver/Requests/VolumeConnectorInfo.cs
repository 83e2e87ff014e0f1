namespace BareMetal.Driver.Requests;

/// <summary>
/// The node's side of a volume connection, as Nova's <c>get_volume_connector</c> gives it to Cinder: its initiators
/// from Ironic's volume connectors, and an IP.
/// </summary>
/// <param name="Ip">The node's IP for storage traffic: its <c>ip</c> connector, else the fixed IP behind a <c>mac</c> one.</param>
/// <param name="Host">The IP when there is one, otherwise the instance's host name.</param>
/// <param name="Initiator">The first <c>iqn</c> connector.</param>
/// <param name="Wwpns">The <c>wwpn</c> connectors.</param>
/// <param name="Wwnns">The <c>wwnn</c> connectors.</param>
/// <param name="Platform">The node's <c>cpu_arch</c>.</param>
public sealed record VolumeConnectorInfo(string? Ip, string Host, string? Initiator, IReadOnlyList<string> Wwpns,
    IReadOnlyList<string> Wwnns, string? Platform)
{
    /// <summary><c>baremetal</c>, as Nova reports it.</summary>
    public string OsType { get; init; } = "baremetal";

    /// <summary>False, as Nova reports it: multipath is not offered for Ironic nodes.</summary>
    public bool Multipath { get; init; }
}
