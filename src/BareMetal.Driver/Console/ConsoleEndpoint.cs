using BareMetal.Driver.Errors;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Console;

/// <summary>A serial console to connect to: plain TCP (socat) on a host and port, nothing else.</summary>
/// <param name="Host">An IP address (v4 or v6, without brackets) or a DNS name.</param>
/// <param name="Port">1 to 65535.</param>
public sealed record ConsoleEndpoint(string Host, int Port)
{
    /// <summary>
    /// Parses Ironic's <c>console_info.url</c> strictly: only <c>tcp://host:port</c>, host an IP or a DNS name, port
    /// 1–65535, no credentials, path, query or fragment, no control or space characters. Anything else is refused
    /// whole: never a half-parsed endpoint.
    /// </summary>
    /// <exception cref="ConsoleUrlRejectedException">The URL is not such an endpoint.</exception>
    public static ConsoleEndpoint Parse(string? url, NodeId? node = null)
    {
        ConsoleUrlRejectedException Reject(string why) => new(why, node);
        if (string.IsNullOrEmpty(url))
        {
            throw Reject("the console URL is empty");
        }
        if (url.Length > 300)
        {
            throw Reject("the console URL is too long");
        }
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c > '\u007e'))
        {
            throw Reject("the console URL has control, space or non-ASCII characters");
        }
        const string scheme = "tcp://";
        if (!url.StartsWith(scheme, StringComparison.Ordinal))
        {
            throw Reject("only tcp:// (socat) consoles are supported");
        }
        string rest = url[scheme.Length..];
        if (rest.IndexOfAny(['/', '?', '#', '@', '\\', '%']) >= 0)
        {
            throw Reject("the console URL must be tcp://host:port with no credentials, path, query, fragment or escapes");
        }

        string host, portText;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                throw Reject("a bracketed IPv6 host must be followed by :port");
            }
            host = rest[1..close];
            portText = rest[(close + 2)..];
            if (!IPAddress.TryParse(host, out IPAddress? v6) || v6.AddressFamily != AddressFamily.InterNetworkV6
                || host.Contains('%', StringComparison.Ordinal))
            {
                throw Reject("the bracketed host is not an IPv6 address");
            }
            host = v6.ToString();
        }
        else
        {
            int colon = rest.LastIndexOf(':');
            if (colon <= 0 || rest.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw Reject("the console URL must be tcp://host:port (IPv6 in brackets)");
            }
            host = rest[..colon];
            portText = rest[(colon + 1)..];
            if (!IsIPv4(host) && !IsDnsName(host))
            {
                throw Reject("the host is neither an IPv4 address nor a DNS name");
            }
        }
        if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw Reject("the port must be a number from 1 to 65535");
        }
        return new ConsoleEndpoint(host, port);
    }

    private static bool IsIPv4(string host) =>
        host.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)
            && int.Parse(p, CultureInfo.InvariantCulture) <= 255 && (p.Length == 1 || p[0] != '0'));

    /// <summary>RFC 1123 names: labels of letters, digits and inner hyphens, 1–63 characters, 253 in all, not all-numeric.</summary>
    private static bool IsDnsName(string host) =>
        host.Length is > 0 and <= 253 && !host.All(c => char.IsAsciiDigit(c) || c == '.')
        && host.TrimEnd('.').Split('.').All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}
