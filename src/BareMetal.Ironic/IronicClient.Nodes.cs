using System.Runtime.CompilerServices;
using System.Globalization;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

internal sealed partial class IronicClient
{
    /// <inheritdoc />
    public async IAsyncEnumerable<Node> ListNodesAsync(NodeQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is <= 0)
        {
            throw new ArgumentException("A page limit must be positive (Ironic refuses limit=0).", nameof(query));
        }
        ApiVersionRange versions = await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
        RequireQuery(versions, query);
        int limit = query.Limit ?? _options.PageSize;
        var call = new IronicCall("GET", IronicRoutes.Nodes, NodeId: null);
        await foreach (Node node in PageAsync<NodeListPage, Node, NodeId>(call,
            (marker, v, ct) => _api.ListNodesAsync(query.ToQuery(limit, marker), v, ct), limit,
            static page => (page.Nodes, page.Next), static n => n.Uuid, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return node;
        }
    }

    /// <inheritdoc />
    public async Task<Node> GetNodeAsync(NodeId nodeId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        string[]? selected = null;
        if (fields is { Count: > 0 })
        {
            RequireFields(await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false), fields);
            selected = [.. fields];
        }
        return await SendAsync(new IronicCall("GET", IronicRoutes.Node, nodeId), feature: null,
            (v, ct) => _api.GetNodeAsync(nodeId.ToString(), selected, v, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Node> PatchNodeAsync(NodeId nodeId, IReadOnlyList<JsonPatchOperation> operations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            throw new ArgumentException("A node patch needs at least one operation.", nameof(operations));
        }
        JsonPatchOperation[] patch = [.. operations];
        var call = new IronicCall("PATCH", IronicRoutes.Node, nodeId, BodyOf(patch, IronicJsonContext.Default.JsonPatchOperationArray));
        return await SendAsync(call, feature: null, (v, ct) => _api.PatchNodeAsync(nodeId.ToString(), patch, v, ct), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<NodeValidation> ValidateNodeAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        Dictionary<string, InterfaceValidation> interfaces = await SendAsync(new IronicCall("GET", IronicRoutes.Validate, nodeId),
            feature: null, (v, ct) => _api.ValidateNodeAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
        return new NodeValidation(interfaces);
    }

    /// <inheritdoc />
    public async Task<NodeStates> GetNodeStatesAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return await SendAsync(new IronicCall("GET", IronicRoutes.NodeStates, nodeId), feature: null,
            (v, ct) => _api.GetNodeStatesAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Port> ListPortsAsync(NodeId nodeId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        int limit = _options.PageSize;
        var call = new IronicCall("GET", IronicRoutes.PortsDetail, nodeId);
        await foreach (Port port in PageAsync<PortListPage, Port, PortId>(call,
            (marker, v, ct) => _api.ListPortsAsync(ChildListQuery(nodeId, limit, marker), v, ct),
            limit, static page => (page.Ports, page.Next), static p => p.Uuid, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return port;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Portgroup> ListPortgroupsAsync(NodeId nodeId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        Require(await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false), IronicFeature.Portgroups, nodeId);
        int limit = _options.PageSize;
        var call = new IronicCall("GET", IronicRoutes.PortgroupsDetail, nodeId);
        await foreach (Portgroup group in PageAsync<PortgroupListPage, Portgroup, PortgroupId>(call,
            (marker, v, ct) => _api.ListPortgroupsAsync(ChildListQuery(nodeId, limit, marker), v, ct),
            limit, static page => (page.Portgroups, page.Next), static g => g.Uuid, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return group;
        }
    }

    private static Dictionary<string, string> ChildListQuery(NodeId nodeId, int limit, UuidIdentifier? marker)
    {
        var query = new Dictionary<string, string>
        {
            ["node"] = nodeId.ToString(), ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["sort_key"] = "id", ["sort_dir"] = "asc",
        };
        if (marker is not null) { query["marker"] = marker.ToString(); }
        return query;
    }

    /// <summary>
    /// Marker paging. Every page is asked for by <paramref name="fetch"/> with our own query and the marker: Ironic's
    /// <c>next</c> link drops filters, so it only says that more may follow. A marker deleted between pages (404)
    /// falls back to the previous item of the page, then to a fresh start; items already yielded are skipped.
    /// A repeated marker ends the listing instead of looping.
    /// </summary>
    private async IAsyncEnumerable<TItem> PageAsync<TPage, TItem, TId>(IronicCall template,
        Func<TId?, string, CancellationToken, Task<TPage>> fetch, int limit,
        Func<TPage, (IReadOnlyList<TItem> Items, string? Next)> read, Func<TItem, TId> idOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TId : UuidIdentifier
    {
        var yielded = new HashSet<TId>();
        var usedMarkers = new HashSet<TId>();
        List<TId> lastPage = [];
        TId? marker = null;
        long received = 0;
        // A listing is bounded in time and in items as a whole, whatever the server's pages say about what follows.
        using var deadline = new CancellationTokenSource(_options.ListTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            TPage page;
            try
            {
                TId? at = marker;
                page = await SendAsync(template, feature: null, (v, ct) => fetch(at, v, ct), linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                throw new IronicTimeoutException($"Listing {template.Route} took longer than {_options.ListTimeout.TotalSeconds:0.#} s.",
                    template.NodeId, mayHaveBeenApplied: false, e);
            }
            catch (IronicNotFoundException) when (marker is not null)
            {
                // The marker vanished: step back to the item before it (or start over) and skip what was seen.
                lastPage.Remove(marker);
                marker = lastPage.Count > 0 ? lastPage[^1] : null;
                continue;
            }
            (IReadOnlyList<TItem> items, string? next) = read(page);
            received += items.Count;
            if (items.Count > limit || received > _options.MaxListItems)
            {
                throw new IronicResponseFormatException(items.Count > limit
                    ? $"Ironic answered {template.Route} with {items.Count} items for a page of {limit}."
                    : $"Listing {template.Route} passed {_options.MaxListItems} items without an end.",
                    template.NodeId, mayHaveBeenApplied: false);
            }
            lastPage = new List<TId>(items.Count);
            foreach (TItem item in items)
            {
                TId id = idOf(item);
                lastPage.Add(id);
                if (yielded.Add(id))
                {
                    yield return item;
                }
            }
            if (next is null || items.Count == 0 || items.Count < limit)
            {
                yield break;
            }
            marker = lastPage[^1];
            if (!usedMarkers.Add(marker))
            {
                yield break;
            }
        }
    }

    private static void RequireQuery(ApiVersionRange versions, NodeQuery query)
    {
        if (query.Fields is { Count: > 0 } fields)
        {
            Require(versions, IronicFeature.FieldSelection, null);
            RequireFields(versions, fields);
        }
        if (query.ProvisionState is not null) { Require(versions, IronicFeature.ProvisionStateFilter, null); }
        if (query.ResourceClass is not null) { Require(versions, IronicFeature.ResourceClass, null); }
        if (query.ConductorGroup is not null) { Require(versions, IronicFeature.ConductorGroup, null); }
        if (query.Shards is { Count: > 0 }) { Require(versions, IronicFeature.Shards, null); }
        if (query.Fault is not null) { Require(versions, IronicFeature.Fault, null); }
    }

    private static void RequireFields(ApiVersionRange versions, IReadOnlyList<string> fields)
    {
        foreach (string field in fields)
        {
            ApiVersion required = NodeFields.MinimumVersion(field)
                ?? throw new ArgumentException($"'{field}' is not a node field this client knows; Ironic 21.4 answers 500 to unknown " +
                    $"fields.", nameof(fields));
            if (versions.Negotiated < required)
            {
                throw new UnsupportedMicroversionException($"Node field '{field}' needs Ironic API {required}, but " +
                    $"{versions.Negotiated} is in use.",
                    required, versions.Negotiated);
            }
        }
    }
}
