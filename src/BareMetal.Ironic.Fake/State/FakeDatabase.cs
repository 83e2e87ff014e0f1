namespace BareMetal.Ironic.Fake.State;

/// <summary>The fake's tables. Rows are kept in id order, which is Ironic's default sort (<c>sort_key=id</c>).</summary>
internal sealed class FakeDatabase(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<Guid, FakeNode> _nodesByUuid = [];
    private int _nextNodeId = 1;
    private int _nextPortId = 1;
    private int _nextPortgroupId = 1;
    private int _nextVolumeId = 1;

    public List<FakeNode> Nodes { get; } = [];
    public List<FakePort> Ports { get; } = [];
    public List<FakePortgroup> Portgroups { get; } = [];
    public List<FakeVolumeTarget> VolumeTargets { get; } = [];
    public List<FakeVolumeConnector> VolumeConnectors { get; } = [];
    public List<FakeDeployTemplate> DeployTemplates { get; } = [];
    public List<FakeAllocation> Allocations { get; } = [];

    public int NextNodeId() => _nextNodeId++;

    /// <summary>A version 4 UUID from the seeded generator, so the same seed makes the same fleet.</summary>
    public Guid NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
    public int NextPortId() => _nextPortId++;
    public int NextPortgroupId() => _nextPortgroupId++;
    /// <summary>One sequence for volume targets, connectors and deploy templates: each table keeps id order.</summary>
    public int NextVolumeId() => _nextVolumeId++;

    public void Add(FakeNode node)
    {
        Nodes.Add(node);
        _nodesByUuid.Add(node.Uuid, node);
    }

    public bool Remove(FakeNode node)
    {
        Ports.RemoveAll(p => p.NodeUuid == node.Uuid);
        Portgroups.RemoveAll(p => p.NodeUuid == node.Uuid);
        VolumeTargets.RemoveAll(t => t.NodeUuid == node.Uuid);
        VolumeConnectors.RemoveAll(c => c.NodeUuid == node.Uuid);
        return _nodesByUuid.Remove(node.Uuid) && Nodes.Remove(node);
    }

    public FakeNode? Find(Guid uuid) => _nodesByUuid.GetValueOrDefault(uuid);

    /// <summary>By UUID or, as Ironic 1.5+, by name.</summary>
    public FakeNode? Find(string ident) =>
        Guid.TryParse(ident, out Guid uuid) && ident.Length == 36 ? Find(uuid) : Nodes.Find(n => n.Name == ident);

    public FakeNode? FindByInstance(Guid instance) => Nodes.Find(n => n.InstanceUuid == instance);

    public IEnumerable<FakePort> PortsOf(Guid node) => Ports.Where(p => p.NodeUuid == node);

    public IEnumerable<FakePortgroup> PortgroupsOf(Guid node) => Portgroups.Where(p => p.NodeUuid == node);

    /// <summary>The internal_info of every port-like object of the node, portgroups first, as Ironic walks them for VIFs.</summary>
    public IEnumerable<System.Text.Json.Nodes.JsonObject> VifSlotsOf(Guid node) =>
        PortgroupsOf(node).Select(g => g.InternalInfo).Concat(PortsOf(node).Select(p => p.InternalInfo));

    /// <summary>The VIFs attached to the node, in Ironic's order.</summary>
    public IEnumerable<string> VifsOf(Guid node) =>
        VifSlotsOf(node).Select(info => info[FakeVifs.InfoKey]?.GetValue<string>()).OfType<string>();
}
