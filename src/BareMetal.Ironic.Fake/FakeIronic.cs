using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.Api;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Fake.Lies;
using BareMetal.Ironic.Fake.State;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake;

/// <summary>
/// An OpenStack Ironic in memory, for tests: the same routes, JSON, headers, error bodies and provision state machine
/// as Ironic 21.4 with fake-hardware (checked against the captured samples of a real one). Transient states advance
/// on the injected <see cref="TimeProvider"/> or by <see cref="Step"/>; faults are injected by seeded rules in
/// <see cref="Faults"/>. Serve it in-process with <see cref="CreateHandler"/> or on a loopback port with
/// <see cref="StartServerAsync"/>. Thread-safe.
/// </summary>
public sealed class FakeIronic
{
    private readonly object _gate = new();
    private readonly FakeDatabase _db;
    private readonly FakeConductor _conductor;
    private readonly FakeApi _api;
    private readonly List<FakeRequestRecord> _requests = [];
    private long _sequence;
    private int _macCounter;

    /// <summary>Creates an empty fake; add nodes with <see cref="EnrollNodes"/> or <see cref="AddNode"/>, or through the API.</summary>
    /// <param name="options">Behaviour; the defaults mirror the standalone Ironic in <c>eng/ironic</c>.</param>
    /// <param name="timeProvider">The clock transient states advance on; the system clock by default.</param>
    /// <param name="seed">The seed of every fault decision and of the UUIDs the fake makes up, so a run repeats exactly.</param>
    public FakeIronic(FakeIronicOptions? options = null, TimeProvider? timeProvider = null, int seed = 0)
    {
        Options = options ?? new FakeIronicOptions();
        TimeProvider = timeProvider ?? TimeProvider.System;
        Faults = new FakeFaultInjector(seed);
        _db = new FakeDatabase(seed);
        _conductor = new FakeConductor(_db, Options, TimeProvider);
        _api = new FakeApi(_db, _conductor, Options);
    }

    /// <summary>The options it runs with.</summary>
    public FakeIronicOptions Options { get; }

    /// <summary>The clock transient states advance on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Fault rules and the faults injected so far.</summary>
    public FakeFaultInjector Faults { get; }

    /// <summary>The ways the fake answers wrongly on purpose (none by default): see <see cref="FakeLies"/>.</summary>
    public FakeLies Lies
    {
        get { lock (_gate) { return _api.Lies; } }
        set { lock (_gate) { _api.Lies = value; } }
    }

    /// <summary>How many letters <see cref="FakeLies.HugeErrorMessage"/> sends. The default is 4 Mi.</summary>
    public int HugeMessageChars
    {
        get { lock (_gate) { return _api.HugeMessageChars; } }
        set { lock (_gate) { _api.HugeMessageChars = value; } }
    }

    /// <summary>How many requests the log keeps (oldest dropped first). The default is 100,000.</summary>
    public int RequestLogLimit { get; set; } = 100_000;

    /// <summary>Every request received (up to <see cref="RequestLogLimit"/>), in arrival order.</summary>
    public IReadOnlyList<FakeRequestRecord> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Forgets the request log.</summary>
    public void ClearRequests()
    {
        lock (_gate) { _requests.Clear(); }
    }

    // ---- arranging ----------------------------------------------------------------------------------------------

    /// <summary>Adds <paramref name="count"/> available, powered-off nodes named <c>node-0</c>… with one port each.</summary>
    public IReadOnlyList<NodeId> EnrollNodes(int count, Func<int, FakeNodeSpec, FakeNodeSpec>? configure = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ids = new List<NodeId>(count);
        lock (_gate)
        {
            int first = _db.Nodes.Count;
            for (int i = 0; i < count; i++)
            {
                var spec = new FakeNodeSpec { Name = string.Create(CultureInfo.InvariantCulture, $"node-{first + i}") };
                ids.Add(AddNodeLocked(configure?.Invoke(i, spec) ?? spec));
            }
        }
        return ids;
    }

    /// <summary>Adds one node as described.</summary>
    /// <exception cref="InvalidOperationException">The UUID or name is taken.</exception>
    public NodeId AddNode(FakeNodeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate) { return AddNodeLocked(spec); }
    }

    private NodeId AddNodeLocked(FakeNodeSpec spec)
    {
        Guid uuid = spec.Uuid?.Value ?? _db.NewUuid();
        if (_db.Find(uuid) is not null || (spec.Name is not null && _db.Find(spec.Name) is not null))
        {
            throw new InvalidOperationException($"A node with UUID {uuid} or name {spec.Name} already exists in the fake.");
        }
        DateTimeOffset now = TimeProvider.GetUtcNow();
        var node = new FakeNode
        {
            Id = _db.NextNodeId(),
            Uuid = uuid,
            Name = spec.Name,
            CreatedAt = now,
            UpdatedAt = now,
            ProvisionUpdatedAt = now,
            ProvisionState = spec.ProvisionState.Value,
            PowerState = spec.PowerState?.Value,
            ResourceClass = spec.ResourceClass,
            ConductorGroup = spec.ConductorGroup,
            Shard = spec.Shard,
            Owner = spec.Owner,
            Maintenance = spec.Maintenance,
            InstanceUuid = spec.InstanceUuid?.Value,
            Properties = spec.Properties?.DeepClone() as JsonObject
                ?? new JsonObject { ["cpus"] = 8, ["memory_mb"] = 16384, ["local_gb"] = 100, ["cpu_arch"] = "x86_64" },
        };
        node.Traits.AddRange(spec.Traits.Distinct().Order(StringComparer.Ordinal));
        _db.Add(node);
        for (int p = 0; p < spec.Ports; p++) { AddPortLocked(node, NextMac()); }
        return NodeId.FromGuid(uuid);
    }

    private string NextMac()
    {
        int n = ++_macCounter;
        return string.Create(CultureInfo.InvariantCulture, $"52:54:00:{(n >> 16) & 0xff:x2}:{(n >> 8) & 0xff:x2}:{n & 0xff:x2}");
    }

    /// <summary>Adds a port to a node; a null MAC picks a unique one.</summary>
    public PortId AddPort(NodeId node, string? macAddress = null, PortgroupId? portgroup = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakePort port = AddPortLocked(Existing(node), macAddress ?? NextMac());
            port.PortgroupUuid = portgroup?.Value;
            return PortId.FromGuid(port.Uuid);
        }
    }

    private FakePort AddPortLocked(FakeNode node, string mac)
    {
        var port = new FakePort
        {
            Id = _db.NextPortId(),
            Uuid = _db.NewUuid(),
            NodeUuid = node.Uuid,
            Address = mac,
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        _db.Ports.Add(port);
        return port;
    }

    /// <summary>Adds a portgroup (a bond) to a node.</summary>
    public PortgroupId AddPortgroup(NodeId node, string? name = null, string mode = "802.3ad")
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode owner = Existing(node);
            var group = new FakePortgroup
            {
                Id = _db.NextPortgroupId(),
                Uuid = _db.NewUuid(),
                NodeUuid = owner.Uuid,
                Name = name,
                Mode = mode,
                Address = NextMac(),
                CreatedAt = TimeProvider.GetUtcNow(),
            };
            _db.Portgroups.Add(group);
            return PortgroupId.FromGuid(group.Uuid);
        }
    }

    /// <summary>Deletes a node and its ports, as if an operator removed it.</summary>
    public void RemoveNode(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate) { _db.Remove(Existing(node)); }
    }

    /// <summary>Puts a node straight into a provision state (ending any work on it), e.g. to test from <c>wait call-back</c>.</summary>
    public void SetProvisionState(NodeId node, ProvisionState state, ProvisionState? target = null, bool locked = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            n.Pending = null;
            _conductor.SetProvisionState(n, state.Value);
            n.TargetProvisionState = target?.Value;
            n.Reservation = locked ? Options.ConductorName : null;
            _conductor.Touch(n);
        }
    }

    /// <summary>Sets or clears maintenance.</summary>
    public void SetMaintenance(NodeId node, bool maintenance, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            n.Maintenance = maintenance;
            n.MaintenanceReason = maintenance ? reason : null;
            _conductor.Touch(n);
        }
    }

    /// <summary>Sets the power state directly (null: unknown, as a node never powered).</summary>
    public void SetPowerState(NodeId node, PowerState? state)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            n.PowerState = state?.Value;
            _conductor.Touch(n);
        }
    }

    /// <summary>
    /// Makes the next operation of <paramref name="kind"/> on the node end in its failure state with
    /// <paramref name="lastError"/>.
    /// </summary>
    public void FailNext(NodeId node, FakeOperationKind kind, string lastError)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate) { Existing(node).FailNext[kind] = lastError; }
    }

    /// <summary>
    /// Freezes the node in its current transient state (its lock stays held) until <see cref="Release"/> or
    /// <see cref="Step"/>.
    /// </summary>
    public void Hold(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            _conductor.Advance(n);
            n.Held = true;
        }
    }

    /// <summary>Lets a held node advance again; time spent held does not count.</summary>
    public void Release(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            n.Held = false;
            if (n.Pending is { } op) { op.StepStartedAt = TimeProvider.GetUtcNow(); }
        }
    }

    /// <summary>Ends the node's current transient step now; false when no work runs on it.</summary>
    public bool Step(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate) { return _conductor.Step(Existing(node)); }
    }

    /// <summary>Runs all work on every node to its end, as if a long time passed.</summary>
    public void SettleAll()
    {
        lock (_gate)
        {
            foreach (FakeNode n in _db.Nodes) { _conductor.Settle(n); }
        }
    }

    // ---- observing ----------------------------------------------------------------------------------------------

    /// <summary>A snapshot of one node, with due work applied.</summary>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    public FakeNodeView GetNode(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            FakeNode n = Existing(node);
            _conductor.Advance(n);
            return View(n);
        }
    }

    /// <summary>Snapshots of every node, in id order.</summary>
    public IReadOnlyList<FakeNodeView> GetNodes()
    {
        lock (_gate)
        {
            _conductor.AdvanceAll();
            return [.. _db.Nodes.Select(View)];
        }
    }

    /// <summary>Whether the node exists.</summary>
    public bool Contains(NodeId node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate) { return _db.Find(node.Value) is not null; }
    }

    private FakeNodeView View(FakeNode n) => new(
        NodeId.FromGuid(n.Uuid), n.Name, new ProvisionState(n.ProvisionState), n.TargetProvisionState is { } t
            ? new ProvisionState(t)
            : null,
        n.PowerState is { } p ? new PowerState(p) : null, n.TargetPowerState is { } tp ? new PowerState(tp) : null,
        n.InstanceUuid is { } i ? InstanceId.FromGuid(i) : null, n.Maintenance, n.LastError, n.Reservation, n.ConsoleEnabled,
        [.. _db.VifsOf(n.Uuid)],
        [.. n.Traits], (JsonObject)n.InstanceInfo.DeepClone());

    private FakeNode Existing(NodeId node) => _db.Find(node.Value) ?? throw new KeyNotFoundException($"The fake has no node {node}.");

    // ---- serving ------------------------------------------------------------------------------------------------

    /// <summary>An in-process handler: give it to an HttpClient (any base address) to talk to this fake.</summary>
    public HttpMessageHandler CreateHandler() => new FakeIronicHandler(this);

    /// <summary>Serves the fake on 127.0.0.1 (port 0 picks a free one) with Kestrel until the server is disposed.</summary>
    public Task<FakeIronicServer> StartServerAsync(int port = 0, CancellationToken cancellationToken = default) =>
        FakeIronicServer.StartAsync(this, port, cancellationToken);

    /// <summary>Runs one request through fault injection and the API; a null response means the connection is dropped.</summary>
    internal async Task<FakeExchange> ExchangeAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        long sequence = Interlocked.Increment(ref _sequence);
        DateTimeOffset at = TimeProvider.GetUtcNow();
        FakeRoute route = FakeApi.Route(request);
        Guid? node;
        lock (_gate) { node = route.NodeIdent is { } ident ? _db.Find(ident)?.Uuid : null; }

        (TimeSpan latency, FakeFaultKind? fault) = Faults.Decide(route.Template, node, sequence);
        if (latency > TimeSpan.Zero) { await Task.Delay(latency, TimeProvider, cancellationToken).ConfigureAwait(false); }

        FakeResponse? response = null;
        if (fault != FakeFaultKind.DropRequest)
        {
            lock (_gate) { response = _api.Handle(request, route, fault); }
        }
        bool answered = response is not null && fault is not (FakeFaultKind.DropResponse);
        lock (_gate)
        {
            if (_requests.Count >= RequestLogLimit) { _requests.RemoveRange(0, Math.Max(1, RequestLogLimit / 10)); }
            _requests.Add(new FakeRequestRecord(sequence, request.Method, request.PathAndQuery, route.Template,
                node is { } n ? NodeId.FromGuid(n) : null, answered ? (int)response!.Status : 0,
                request.Body.Length == 0 ? null : Encoding.UTF8.GetString(request.Body), fault, at));
        }
        return new FakeExchange(answered ? response : null, fault);
    }
}
