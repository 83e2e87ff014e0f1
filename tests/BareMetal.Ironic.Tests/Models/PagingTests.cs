using System.Net;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Models;

public class PagingTests
{
    private static string Page(int from, int count, bool next) =>
        "{\"nodes\":[" + string.Join(',', Enumerable.Range(from, count).Select(i => $"{{\"uuid\":\"{Uuid(i)}\",\"provision_state\":\"available\"}}"))
        + "]" + (next ? ",\"next\":\"http://ironic.test:6385/v1/nodes?sort_key=id&sort_dir=asc&limit=2&marker=" + Uuid(from + count - 1) + "\"" : "") + "}";

    private static string Uuid(int i) => $"1a1a1a1a-0000-4000-8000-{i:D12}";

    [Fact]
    public async Task Every_page_resends_our_filters_and_ignores_the_next_link()
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.OK, Page(1, 2, next: true)).Then(HttpStatusCode.OK, Page(3, 2, next: true)).Then(HttpStatusCode.OK, Page(5, 1, next: false));
        var query = new NodeQuery { Fields = ["uuid", "provision_state"], Limit = 2, ProvisionState = ProvisionState.Available, ConductorGroup = "rack1", ResourceClass = "baremetal-gold", Associated = false };

        List<Node> nodes = await test.Run(test.Client.ListNodesAsync(query).ToListAsync().AsTask());

        Assert.Equal(5, nodes.Count);
        RecordedRequest[] pages = [.. test.Handler.NonDiscovery];
        Assert.Equal(3, pages.Length);
        Assert.All(pages, p =>
        {
            Assert.Contains("provision_state=available", p.Query);
            Assert.Contains("conductor_group=rack1", p.Query);
            Assert.Contains("resource_class=baremetal-gold", p.Query);
            Assert.Contains("associated=False", p.Query);
            Assert.Contains("limit=2", p.Query);
        });
        Assert.DoesNotContain("marker", pages[0].Query);
        Assert.Contains("marker=" + Uuid(2), pages[1].Query);
        Assert.Contains("marker=" + Uuid(4), pages[2].Query);
    }

    [Fact]
    public async Task A_page_is_fetched_only_when_the_caller_gets_there()
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.OK, Page(1, 2, next: true)).Then(HttpStatusCode.OK, Page(3, 2, next: false));

        await test.Run(test.Client.ListNodesAsync(new NodeQuery { Limit = 2 }).Take(1).ToListAsync().AsTask());

        Assert.Single(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task A_marker_deleted_between_pages_steps_back_without_duplicates()
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.OK, Page(1, 2, next: true))
            .ThenError(HttpStatusCode.NotFound, $"Node {Uuid(2)} could not be found.")
            .Then(HttpStatusCode.OK, Page(3, 1, next: false));

        List<Node> nodes = await test.Run(test.Client.ListNodesAsync(new NodeQuery { Limit = 2 }).ToListAsync().AsTask());

        Assert.Equal([Uuid(1), Uuid(2), Uuid(3)], nodes.Select(n => n.Uuid.ToString()));
        Assert.Contains("marker=" + Uuid(1), test.Handler.NonDiscovery.Last().Query);
    }

    [Fact]
    public async Task A_server_that_repeats_a_page_does_not_loop_forever()
    {
        using var test = new TestClient();
        for (int i = 0; i < 5; i++) { test.Handler.Then(HttpStatusCode.OK, Page(1, 2, next: true)); }

        List<Node> nodes = await test.Run(test.Client.ListNodesAsync(new NodeQuery { Limit = 2 }).ToListAsync().AsTask());

        Assert.Equal(2, nodes.Count);
        Assert.Equal(2, test.Handler.NonDiscovery.Count());
    }

    [Fact]
    public async Task A_non_positive_limit_is_refused_before_sending()
    {
        using var test = new TestClient();
        await Assert.ThrowsAsync<ArgumentException>(() => test.Run(test.Client.ListNodesAsync(new NodeQuery { Limit = 0 }).ToListAsync().AsTask()));
        Assert.Empty(test.Handler.Requests);
    }
}
