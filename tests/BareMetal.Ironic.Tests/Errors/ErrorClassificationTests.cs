using System.Net;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Errors;

/// <summary>Every error a real Ironic sent (tests/data/ironic/samples) becomes the specific exception a caller would catch.</summary>
public class ErrorClassificationTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");

    public static TheoryData<string, Type> Samples => new()
    {
        { "009-err-create-node-no-conductor-group.json", typeof(NoConductorException) },
        { "016-nodes-detail-and-fields.json", typeof(IronicBadRequestException) },
        { "019-patch-instance-uuid-conflict.json", typeof(NodeAssociatedException) },
        { "035-vif-attach-again.json", typeof(VifAlreadyAttachedException) },
        { "036-vif-attach-no-free-port.json", typeof(NoFreePortException) },
        { "043-err-deploy-missing-traits.json", typeof(IronicBadRequestException) },
        { "048-traits-delete-missing.json", typeof(IronicNotFoundException) },
        { "049-traits-invalid.json", typeof(IronicBadRequestException) },
        { "059-console-enable-bad.json", typeof(IronicBadRequestException) },
        { "067-power-bad-target.json", typeof(InvalidStateTransitionException) },
        { "068-power-soft-old-mv.json", typeof(UnsupportedMicroversionException) },
        { "069-inject-nmi.json", typeof(IronicBadRequestException) },
        { "070-err-rescue-no-password.json", typeof(IronicBadRequestException) },
        { "074-provision-active-on-active.json", typeof(InvalidStateTransitionException) },
        { "078-vif-detach-not-attached.json", typeof(VifNotAttachedException) },
        { "080-provision-active-configdrive-dict-old-mv.json", typeof(IronicBadRequestException) },
        { "083-err-node-not-found.json", typeof(NodeNotFoundException) },
        { "084-err-node-name-not-found.json", typeof(NodeNotFoundException) },
        { "085-err-vifs-unknown-node.json", typeof(NodeNotFoundException) },
        { "086-err-patch-bad-path.json", typeof(IronicBadRequestException) },
        { "087-err-patch-not-a-list.json", typeof(IronicBadRequestException) },
        { "088-err-bad-json.json", typeof(IronicBadRequestException) },
        { "089-err-bad-limit.json", typeof(IronicBadRequestException) },
        { "090-err-bad-field.json", typeof(IronicServerException) },
        { "091-err-bad-provision-target.json", typeof(InvalidStateTransitionException) },
        { "092-err-deleted-on-available.json", typeof(InvalidStateTransitionException) },
        { "093-err-validate-bad-image-source.json", typeof(IronicServerException) },
        { "094-err-mv-too-new.json", typeof(UnsupportedMicroversionException) },
        { "095-err-mv-too-old.json", typeof(UnsupportedMicroversionException) },
        { "096-err-mv-garbage.json", typeof(UnsupportedMicroversionException) },
        { "097-err-unknown-path.json", typeof(IronicNotFoundException) },
        { "100-basic-nodes-401.json", typeof(IronicAuthenticationException) },
        { "101-basic-nodes-401-bad-password.json", typeof(IronicAuthenticationException) },
        { "107-err-node-locked.json", typeof(NodeLockedException) },
        { "108-err-node-locked-patch.json", typeof(NodeLockedException) },
    };

    [Fact]
    public void Every_error_sample_is_classified()
    {
        var covered = Samples.Select(row => (string)row[0]).ToHashSet();
        string[] uncovered = [.. IronicSample.All().Where(f => IronicSample.Load(f).Status >= 400 && !covered.Contains(f))];
        Assert.True(uncovered.Length == 0, "Unclassified error samples: " + string.Join(", ", uncovered));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_real_error_response_becomes_its_specific_exception(string file, Type expected)
    {
        using var test = new TestClient(o => o.MaxRetries = 0);
        IronicSample sample = IronicSample.Load(file);
        test.Handler.ThenSample(file).ThenSample(file);   // a 406 is re-negotiated once and tried again

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.IsType(expected, error);
        var bare = Assert.IsAssignableFrom<BareMetalException>(error);
        Assert.Equal(Node, bare.NodeId);
        if (error is IronicApiException api)
        {
            Assert.Equal((HttpStatusCode)sample.Status, api.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(api.IronicMessage));
            Assert.DoesNotContain("faultcode", api.IronicMessage);   // the double encoding was undone
            if (sample.Headers.TryGetValue("Openstack-Request-Id", out string? id)) { Assert.Equal(id, api.RequestId); }
        }
    }

    [Theory]
    [InlineData("""{"error_message": "{\"faultcode\": \"Client\", \"faultstring\": \"boom\", \"debuginfo\": null}"}""", "boom")]
    [InlineData("""{"error_message": {"faultcode": "Client", "faultstring": "object form", "debuginfo": null}}""", "object form")]
    [InlineData("""{"error_message": "{\"code\": 406, \"title\": \"Not Acceptable\", \"description\": \"too new\"}"}""", "too new")]
    [InlineData("""{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", "The request you have made requires authentication.")]
    [InlineData("<html><body>The Keystone service is temporarily unavailable.</body></html>", "<html><body>The Keystone service is temporarily unavailable.</body></html>")]
    [InlineData("", "")]
    public void Error_bodies_of_every_shape_yield_the_message(string body, string expected) =>
        Assert.Equal(expected, IronicErrorBody.ReadMessage(System.Text.Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("Node N can not be updated while a state transition is in progress.", typeof(NodeTransitionInProgressException))]
    [InlineData("Instance I is already associated with a node, it cannot be associated with this other node N", typeof(InstanceAssociatedException))]
    [InlineData("A node with name x already exists.", typeof(IronicConflictException))]
    public void Conflicts_are_told_apart_by_ironics_wording(string message, Type expected) =>
        Assert.IsType(expected, IronicErrorMapper.Create(HttpStatusCode.Conflict, message, Node, "req-1", null));

    [Fact]
    public void Only_refusals_are_transient()
    {
        Assert.True(IronicErrorMapper.Create(HttpStatusCode.ServiceUnavailable, "busy", null, null, null).IsTransient);
        Assert.True(IronicErrorMapper.Create(HttpStatusCode.Conflict, "Node N is locked by host h, please retry", null, null, null).IsTransient);
        Assert.True(IronicErrorMapper.Create(HttpStatusCode.NotFound, "No valid host was found. Reason: No conductor service registered", null, null, null).IsTransient);
        Assert.False(IronicErrorMapper.Create(HttpStatusCode.Conflict, "Node N is associated with instance I.", null, null, null).IsTransient);
        Assert.False(IronicErrorMapper.Create(HttpStatusCode.InternalServerError, "x", null, null, null).IsTransient);
        Assert.False(IronicErrorMapper.Create(HttpStatusCode.BadRequest, "x", null, null, null).IsTransient);
    }
}
