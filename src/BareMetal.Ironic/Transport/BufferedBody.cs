namespace BareMetal.Ironic.Transport;

/// <summary>A response body the attempt handler has read in full, within its cap: parsed from memory, not a stream.</summary>
internal sealed class BufferedBody : ByteArrayContent
{
    public BufferedBody(byte[] bytes) : base(bytes) => Bytes = bytes;

    public byte[] Bytes { get; }
}
