namespace BareMetal.Ironic.Models;

/// <summary>A value Ironic sends or accepts as one exact string (a state, a target verb).</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
internal interface IWireString<TSelf> where TSelf : struct, IWireString<TSelf>
{
    /// <summary>The exact wire string.</summary>
    string Value { get; }

    /// <summary>Wraps a wire string read from Ironic.</summary>
    static abstract TSelf FromWire(string value);
}
