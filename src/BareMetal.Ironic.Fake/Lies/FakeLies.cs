namespace BareMetal.Ironic.Fake.Lies;

/// <summary>
/// Ways the fake answers wrongly on purpose, for tests that prove a client trusts nothing from the wire. Set them on
/// <see cref="FakeIronic.Lies"/>; none is on by default.
/// </summary>
[Flags]
public enum FakeLies
{
    /// <summary>Nothing: the fake answers as Ironic does.</summary>
    None = 0,

    /// <summary>Node listings ignore <c>instance_uuid</c> and <c>associated</c>: every node is listed, whoever holds it.</summary>
    IgnoreInstanceFilter = 1 << 0,

    /// <summary>A node's PATCH answer shows another instance in <c>instance_uuid</c> than the one the node holds.</summary>
    ForeignOwner = 1 << 1,

    /// <summary>Lists of nodes, ports, portgroups and VIFs come back as JSON <c>null</c>.</summary>
    NullLists = 1 << 2,

    /// <summary>Lists of nodes, ports, portgroups and VIFs come back as <c>[null]</c>.</summary>
    NullEntries = 1 << 3,

    /// <summary>Node listings never end: every page is full of nodes never seen before, with a new marker.</summary>
    EndlessPages = 1 << 4,

    /// <summary>
    /// Every provision request (<c>PUT …/states/provision</c>, the one that carries a config drive) is refused (400) with a
    /// message that echoes its body and the auth headers.
    /// </summary>
    EchoSecrets = 1 << 5,

    /// <summary>Every provision request is refused (400) with a message holding newlines and ANSI/OSC terminal escapes.</summary>
    ControlCharacters = 1 << 6,

    /// <summary>Every provision request is refused (400) with a message of <see cref="FakeIronic.HugeMessageChars"/> letters.</summary>
    HugeErrorMessage = 1 << 7,
}
