using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace BareMetal.Driver.Resources;

/// <summary>
/// The consistent hash ring Nova's Ironic driver splits a fleet with (tooz's <c>HashRing</c>, MD5, 32 partitions per
/// host), reproduced exactly so .NET and Python compute services can share one fleet. Host names are lower-cased.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms",
    Justification = "MD5 places nodes on the ring, as tooz does; it protects nothing, and any other hash would split the fleet " +
        "differently from Python peers.")]
internal sealed class HashRing
{
    /// <summary>Nova's <c>_HASH_RING_PARTITIONS</c>.</summary>
    public const int DefaultPartitions = 32;

    private readonly BigInteger[] _positions;
    private readonly string[] _owners;

    /// <summary>Builds the ring over <paramref name="hosts"/>.</summary>
    /// <exception cref="ArgumentException">No host, or an empty host name.</exception>
    public HashRing(IEnumerable<string> hosts, int partitions = DefaultPartitions)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        string[] members = [.. hosts.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        if (members.Length == 0 || members.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("The ring needs at least one host, none empty.", nameof(hosts));
        }
        Hosts = members;
        var ring = new SortedDictionary<BigInteger, string>();
        foreach (string host in members.Order(StringComparer.Ordinal))
        {
            // tooz seeds MD5 with the name and appends it once more before each of the host's positions.
            byte[] key = Encoding.UTF8.GetBytes(host);
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            md5.AppendData(key);
            for (int i = 0; i < partitions; i++)
            {
                md5.AppendData(key);
                ring[ToInteger(md5.GetCurrentHash())] = host;
            }
        }
        _positions = [.. ring.Keys];
        _owners = [.. ring.Values];
    }

    /// <summary>The ring's members, lower-cased.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The host owning <paramref name="key"/> (a node UUID): the first position strictly after its MD5, wrapping around.</summary>
    public string OwnerOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        BigInteger hash = ToInteger(MD5.HashData(Encoding.UTF8.GetBytes(key)));
        int index = Array.BinarySearch(_positions, hash);
        index = index >= 0 ? index + 1 : ~index;
        return _owners[index < _positions.Length ? index : 0];
    }

    private static BigInteger ToInteger(byte[] digest) => new(digest, isUnsigned: true, isBigEndian: true);
}
