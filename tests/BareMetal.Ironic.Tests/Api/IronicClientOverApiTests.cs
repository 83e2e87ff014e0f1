using System.Net;
using System.Text;
using System.Text.Json;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Refit;

namespace BareMetal.Ironic.Tests.Api;

/// <summary>
/// The facade over a mocked <see cref="IIronicApi"/> failing at one exact call: what the client asks for, and what each of
/// Refit's outcomes becomes. The transport (retries, deadlines, bounds) is the handlers' and is tested over HTTP elsewhere.
/// </summary>
public sealed class IronicClientOverApiTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");
    private static readonly RefitSettings Settings = RefitSettings.ForJsonContext(IronicJsonContext.Default);
    private readonly Mock<IIronicApi> _api = new(MockBehavior.Strict);

    public IronicClientOverApiTests() => Versions("1.1", "1.82");

    private void Versions(string min, string max) => _api.Setup(a => a.GetVersionsAsync(It.IsAny<CancellationToken>()))
        .ReturnsAsync(new ApiVersionDocument("OpenStack Ironic API", new ApiVersionInfo("v1", "CURRENT", min, max), null));

    private IronicClient Client(int pageSize = 1000) => new(_api.Object,
        Options.Create(new IronicClientOptions { Endpoint = new("http://ironic.test"), PageSize = pageSize }),
        new IronicEndpointResolver(new Uri("http://ironic.test"), null), new NoCredentials(), new FakeTimeProvider(),
        NullLogger<IronicClient>.Instance);

    private static async Task<ApiException> Refused(HttpStatusCode status, string message, Action<HttpResponseMessage>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "http://ironic.test/v1/nodes/" + Node);
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(JsonSerializer.Serialize(new { error_message = JsonSerializer.Serialize(new { faultstring = message }) })),
        };
        response.Headers.Add("Openstack-Request-Id", "req-42");
        headers?.Invoke(response);
        return await ApiException.Create(request, request.Method, response, Settings);
    }

    private static Node NodeAt(string state) => new() { Uuid = Node, ProvisionState = new ProvisionState(state) };

    [Fact]
    public async Task Every_page_is_asked_for_with_the_callers_filters_and_the_previous_pages_last_node_as_marker()
    {
        NodeId second = NodeId.FromGuid(Guid.NewGuid());
        var asked = new List<IDictionary<string, string>>();
        _api.SetupSequence(a => a.ListNodesAsync(Capture.In(asked), "1.82", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NodeListPage([NodeAt("available")], "http://ironic.test/v1/nodes?marker=x"))
            .ReturnsAsync(new NodeListPage([new Node { Uuid = second }], null));

        List<Node> nodes = await Client().ListNodesAsync(new NodeQuery { Limit = 1, ResourceClass = "gold" }).ToListAsync();

        Assert.Equal([Node, second], nodes.Select(n => n.Uuid));
        Assert.All(asked, q => Assert.Equal("gold", q["resource_class"]));
        Assert.False(asked[0].ContainsKey("marker"));
        Assert.Equal(Node.ToString(), asked[1]["marker"]);
    }

    [Fact]
    public async Task A_refused_patch_is_the_specific_exception_with_node_and_request_id_and_is_sent_once()
    {
        _api.Setup(a => a.PatchNodeAsync(Node.ToString(), It.IsAny<JsonPatchOperation[]>(), "1.82", It.IsAny<CancellationToken>()))
            .ThrowsAsync(await Refused(HttpStatusCode.Conflict, $"Node {Node} is locked by host ironic-1, please retry after the current operation is completed."));

        var error = await Assert.ThrowsAsync<NodeLockedException>(
            () => Client().PatchNodeAsync(Node, [JsonPatchOperation.Add("/instance_uuid", Guid.NewGuid().ToString())]));

        Assert.Equal(Node, error.NodeId);
        Assert.Equal("req-42", error.RequestId);
        Assert.Null(error.InnerException);   // Refit's exception, with the request and its headers, stays inside
        _api.Verify(a => a.PatchNodeAsync(It.IsAny<string>(), It.IsAny<JsonPatchOperation[]>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_transport_failure_the_handlers_named_surfaces_as_it_was_named()
    {
        var timeout = new IronicTimeoutException("Ironic did not answer GET /v1/nodes/{node_id} within 30 s.", Node, mayHaveBeenApplied: false);
        _api.Setup(a => a.GetNodeAsync(Node.ToString(), null, "1.82", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ApiRequestException(new HttpRequestMessage(HttpMethod.Get, "http://ironic.test/"), HttpMethod.Get, Settings,
                timeout));

        var error = await Assert.ThrowsAsync<IronicTimeoutException>(() => Client().GetNodeAsync(Node));

        Assert.Same(timeout, error);
    }

    [Fact]
    public async Task An_unexpected_406_renegotiates_once_and_repeats_the_call_at_the_new_version()
    {
        _api.SetupSequence(a => a.GetVersionsAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiVersionDocument(null, new ApiVersionInfo("v1", "CURRENT", "1.1", "1.82"), null))
            .ReturnsAsync(new ApiVersionDocument(null, new ApiVersionInfo("v1", "CURRENT", "1.1", "1.80"), null));
        _api.Setup(a => a.GetNodeAsync(Node.ToString(), null, "1.82", It.IsAny<CancellationToken>()))
            .ThrowsAsync(await Refused(HttpStatusCode.NotAcceptable, "Version 1.82 was requested but the maximum is 1.80."));
        _api.Setup(a => a.GetNodeAsync(Node.ToString(), null, "1.80", It.IsAny<CancellationToken>())).ReturnsAsync(NodeAt("active"));

        Node node = await Client().GetNodeAsync(Node);

        Assert.Equal(ProvisionState.Active, node.ProvisionState);
        _api.Verify(a => a.GetVersionsAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_whole_answer_that_is_not_the_expected_json_is_a_format_error_that_is_not_worth_repeating()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://ironic.test/v1/nodes/" + Node);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{\"uuid\":") };
        ApiException malformed = await ApiException.Create("An error occured deserializing the response.", request, HttpMethod.Get,
            response, Settings, new JsonException("unexpected end"));
        _api.Setup(a => a.GetNodeAsync(Node.ToString(), null, "1.82", It.IsAny<CancellationToken>())).ThrowsAsync(malformed);

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => Client().GetNodeAsync(Node));

        Assert.False(error.Truncated);
        Assert.False(error.IsTransient);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_rescue_password_echoed_in_an_error_is_masked_in_the_exception()
    {
        _api.Setup(a => a.SetProvisionStateAsync(Node.ToString(), It.IsAny<ProvisionRequest>(), "1.82", It.IsAny<CancellationToken>()))
            .ThrowsAsync(await Refused(HttpStatusCode.BadRequest, "Invalid rescue_password 'Sw0rdf1sh-echo'."));

        var error = await Assert.ThrowsAsync<IronicBadRequestException>(() => Client().SetProvisionStateAsync(Node,
            new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new Secret<string>("Sw0rdf1sh-echo") }));

        Assert.DoesNotContain("Sw0rdf1sh-echo", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_null_answer_is_a_format_error_not_a_null_node()
    {
        _api.Setup(a => a.GetNodeAsync(Node.ToString(), null, "1.82", It.IsAny<CancellationToken>())).ReturnsAsync((Node)null!);

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => Client().GetNodeAsync(Node));

        Assert.Contains("JSON null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volume_and_template_calls_below_their_microversion_are_refused_before_sending()
    {
        Versions("1.1", "1.31");

        await Assert.ThrowsAsync<UnsupportedMicroversionException>(() =>
            Client().CreateVolumeTargetAsync(new NewVolumeTarget(Node, "iscsi", 0, "vol-1")));
        await Assert.ThrowsAsync<UnsupportedMicroversionException>(() =>
            Client().CreateDeployTemplateAsync(new NewDeployTemplate("CUSTOM_X", [new DeployStep("bios", "apply", Empty, 10)])));

        _api.Verify(a => a.CreateVolumeTargetAsync(It.IsAny<NewVolumeTarget>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_malformed_volume_target_or_template_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateVolumeTargetAsync(new NewVolumeTarget(Node, "nfs", 0, "vol-1")));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateVolumeTargetAsync(new NewVolumeTarget(Node, "iscsi", -1, "vol-1")));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateVolumeConnectorAsync(new NewVolumeConnector(Node, "nqn", "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateDeployTemplateAsync(new NewDeployTemplate("CUSTOM_X", [])));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client().CreateDeployTemplateAsync(new NewDeployTemplate("lower", [new DeployStep("bios", "apply", Empty, 10)])));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client().CreateDeployTemplateAsync(new NewDeployTemplate("CUSTOM_X", [new DeployStep("network", "apply", Empty, 10)])));

        _api.Verify(a => a.GetVersionsAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_nodes_volume_targets_are_asked_for_in_detail_and_by_node_across_pages()
    {
        var asked = new List<IDictionary<string, string>>();
        VolumeTarget first = new() { Uuid = VolumeTargetId.FromGuid(Guid.NewGuid()), VolumeId = "a" };
        _api.SetupSequence(a => a.ListVolumeTargetsAsync(Capture.In(asked), "1.82", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VolumeTargetListPage([first], "next"))
            .ReturnsAsync(new VolumeTargetListPage([], null));
        List<VolumeTarget> targets = await Client(pageSize: 1).ListVolumeTargetsAsync(Node).ToListAsync();

        Assert.Equal([first.Uuid], targets.Select(t => t.Uuid));
        Assert.All(asked, q => Assert.Equal((Node.ToString(), "True"), (q["node"], q["detail"])));
        Assert.Equal(first.Uuid.ToString(), asked[1]["marker"]);
    }

    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();
}
