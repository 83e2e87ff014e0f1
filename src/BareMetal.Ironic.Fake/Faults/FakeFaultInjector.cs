using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Faults;

/// <summary>The fake's fault rules and a record of every fault injected. Thread-safe.</summary>
public sealed class FakeFaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = [];
    private readonly Dictionary<(int Rule, string Route, Guid? Node), long> _seen = [];
    private readonly List<FakeInjectedFault> _injected = [];

    internal FakeFaultInjector(int seed) => Seed = seed;

    /// <summary>The seed every decision derives from.</summary>
    public int Seed { get; }

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<FakeInjectedFault> Injected
    {
        get { lock (_gate) { return [.. _injected]; } }
    }

    /// <summary>Adds a rule; rules are tried in the order added.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability outside 0..1, a negative count or latency.</exception>
    public FakeFaultInjector Add(FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fault.Probability, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.Times ?? 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Latency, TimeSpan.Zero);
        lock (_gate) { _rules.Add(new Rule(fault) { Remaining = fault.Times }); }
        return this;
    }

    /// <summary>Removes every rule (the record of injected faults stays).</summary>
    public void Clear()
    {
        lock (_gate) { _rules.Clear(); }
    }

    /// <summary>
    /// The faults for one request: at most one latency plus at most one other fault, each rule deciding by its own
    /// reproducible draw.
    /// </summary>
    internal (TimeSpan Latency, FakeFaultKind? Fault) Decide(string route, Guid? node, long sequence)
    {
        lock (_gate)
        {
            TimeSpan latency = TimeSpan.Zero;
            FakeFaultKind? fault = null;
            for (int i = 0; i < _rules.Count; i++)
            {
                Rule rule = _rules[i];
                FakeFault f = rule.Fault;
                bool isLatency = f.Kind == FakeFaultKind.Latency;
                if (rule.Remaining == 0 || (f.Route is not null && f.Route != route) || (f.Node is not null && f.Node.Value != node))
                {
                    continue;
                }
                if (!isLatency && fault is not null) { continue; }
                long nth = _seen.GetValueOrDefault((i, route, node));
                _seen[(i, route, node)] = nth + 1;
                if (Draw(Seed, i, route, node, nth) >= f.Probability) { continue; }
                if (rule.Remaining is { } left) { rule.Remaining = left - 1; }
                _injected.Add(new FakeInjectedFault(f.Kind, route, node is { } n ? NodeId.FromGuid(n) : null, sequence));
                if (isLatency) { latency += f.Latency; }
                else { fault = f.Kind; }
            }
            return (latency, fault);
        }
    }

    /// <summary>A uniform value in [0, 1) that depends only on its inputs (FNV-1a over them, then a SplitMix64 finish).</summary>
    private static double Draw(int seed, int rule, string route, Guid? node, long nth)
    {
        ulong h = 14695981039346656037UL;
        void Mix(ulong value) { h = (h ^ value) * 1099511628211UL; }
        Mix((ulong)seed);
        Mix((ulong)rule);
        foreach (char c in route) { Mix(c); }
        if (node is { } n)
        {
            foreach (byte b in n.ToByteArray()) { Mix(b); }
        }
        Mix((ulong)nth);
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    private sealed class Rule(FakeFault fault)
    {
        public FakeFault Fault { get; } = fault;
        public int? Remaining { get; set; }
    }
}
