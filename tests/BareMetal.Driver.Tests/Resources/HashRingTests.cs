using System.Text.Json;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Driver.Tests.Resources;

public sealed class HashRingTests
{
    [Fact]
    public void Every_node_goes_to_the_host_Novas_own_ring_picks_for_all_3000_vectors()
    {
        using JsonDocument vectors = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.TestData("vectors", "nova-hash-ring.json")));
        int checkedCases = 0;
        foreach (JsonElement testCase in vectors.RootElement.GetProperty("cases").EnumerateArray())
        {
            var ring = new HashRing(testCase.GetProperty("peers").EnumerateArray().Select(p => p.GetString()!), testCase.GetProperty("partitions").GetInt32());
            foreach (JsonProperty assignment in testCase.GetProperty("assignments").EnumerateObject())
            {
                Assert.Equal(assignment.Value[0].GetString(), ring.OwnerOf(assignment.Name));
                checkedCases++;
            }
        }
        Assert.Equal(3000, checkedCases);
    }

    [Fact]
    public void Peers_on_one_fleet_each_own_a_share_and_every_node_exactly_one_owner_whatever_the_case_of_names()
    {
        string[] peers = ["Compute-A", "compute-b", "COMPUTE-C"];
        var ring = new HashRing(peers);
        var lower = new HashRing(peers.Select(p => p.ToLowerInvariant()));
        string[] nodes = [.. Enumerable.Range(0, 3000).Select(_ => Guid.NewGuid().ToString())];

        var owners = nodes.GroupBy(ring.OwnerOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["compute-a", "compute-b", "compute-c"], owners.Keys.Order());
        Assert.All(owners.Values, count => Assert.InRange(count, 500, 1500));
        Assert.All(nodes, n => Assert.Equal(ring.OwnerOf(n), lower.OwnerOf(n)));
    }
}
