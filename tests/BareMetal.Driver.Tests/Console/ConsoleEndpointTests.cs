using BareMetal.Driver.Console;
using BareMetal.Driver.Errors;

namespace BareMetal.Driver.Tests.Console;

public sealed class ConsoleEndpointTests
{
    [Theory]
    [InlineData("tcp://127.0.0.1:10001", "127.0.0.1", 10001)]
    [InlineData("tcp://[::1]:10000", "::1", 10000)]
    [InlineData("tcp://[2001:db8::5]:65535", "2001:db8::5", 65535)]
    [InlineData("tcp://conductor-1.example.org:1", "conductor-1.example.org", 1)]
    [InlineData("tcp://localhost:2222", "localhost", 2222)]
    public void Plain_tcp_endpoints_parse(string url, string host, int port) =>
        Assert.Equal(new ConsoleEndpoint(host, port), ConsoleEndpoint.Parse(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:4200")]                   // shellinabox
    [InlineData("https://127.0.0.1:4200/")]
    [InlineData("ssh://127.0.0.1:22")]
    [InlineData("TCP://127.0.0.1:10000")]
    [InlineData("tcp://user:pw@127.0.0.1:10000")]           // credentials
    [InlineData("tcp://@127.0.0.1:10000")]
    [InlineData("tcp://127.0.0.1:10000/path")]
    [InlineData("tcp://127.0.0.1:10000?x=1")]
    [InlineData("tcp://127.0.0.1:10000#frag")]
    [InlineData("tcp://127.0.0.1")]                         // no port
    [InlineData("tcp://127.0.0.1:")]
    [InlineData("tcp://127.0.0.1:0")]
    [InlineData("tcp://127.0.0.1:65536")]
    [InlineData("tcp://127.0.0.1:-1")]
    [InlineData("tcp://127.0.0.1:+80")]
    [InlineData("tcp://127.0.0.1:0x50")]
    [InlineData("tcp://127.0.0.1:99999999999")]
    [InlineData("tcp://127.0.0.1:10000:1")]
    [InlineData("tcp://::1:10000")]                         // IPv6 without brackets
    [InlineData("tcp://[::1]")]
    [InlineData("tcp://[::1]10000")]
    [InlineData("tcp://[fe80::1%25eth0]:10000")]            // zone id, escaped
    [InlineData("tcp://[127.0.0.1]:10000")]
    [InlineData("tcp://256.1.1.1:10000")]
    [InlineData("tcp://01.2.3.4:10000")]
    [InlineData("tcp://1.2.3:10000")]                       // numeric but not an address
    [InlineData("tcp://-bad-.example:10000")]
    [InlineData("tcp://under_score.example:10000")]
    [InlineData("tcp://exa mple.org:10000")]
    [InlineData("tcp://example.org:10000\r\nX-Injected: 1")]
    [InlineData("tcp://example.org:10000\u0000")]
    [InlineData("tcp://exämple.org:10000")]
    [InlineData("tcp://%65xample.org:10000")]
    [InlineData("tcp://example.org\\@evil:10000")]
    [InlineData(" tcp://127.0.0.1:10000")]
    [InlineData("tcp:///127.0.0.1:10000")]
    [InlineData("tcp://:10000")]
    public void Hostile_or_unsupported_urls_are_refused_whole(string? url)
    {
        var error = Assert.Throws<ConsoleUrlRejectedException>(() => ConsoleEndpoint.Parse(url));
        Assert.StartsWith("Console URL refused:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);   // the URL itself is never echoed
    }

    [Fact]
    public void A_very_long_url_is_refused()
    {
        Assert.Throws<ConsoleUrlRejectedException>(() => ConsoleEndpoint.Parse("tcp://" + string.Join('.', Enumerable.Repeat(new string('a', 60), 6)) + ":1"));
    }
}
