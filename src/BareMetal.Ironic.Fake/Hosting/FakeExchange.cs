using BareMetal.Ironic.Fake.Api;
using BareMetal.Ironic.Fake.Faults;

namespace BareMetal.Ironic.Fake.Hosting;

/// <summary>The outcome a host writes: the response (null: drop the connection) and the fault that shaped it.</summary>
internal sealed record FakeExchange(FakeResponse? Response, FakeFaultKind? Fault)
{
    /// <summary>Bytes that are not JSON, for <see cref="FakeFaultKind.MalformedBody"/>.</summary>
    public static readonly byte[] Garbage = "<html><body>502 Bad Gateway</body></html>"u8.ToArray();
}
