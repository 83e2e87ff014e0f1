using System.Net;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Resilience;

/// <summary>What is retried, what never is, and the bounds — each under a scripted fault, on a manual clock.</summary>
public class RetryTests
{
    private const int RetryingEvent = 1002;   // IronicClientLog.Retrying

    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");
    private const string NodeJson = """{"uuid":"1a1a1a1a-0000-4000-8000-00000000000a","provision_state":"available"}""";
    private const string Locked = "Node 1a1a1a1a-0000-4000-8000-00000000000a is locked by host ironic-local, please retry after the current operation is completed.";
    private static readonly JsonPatchOperation[] Reserve = [JsonPatchOperation.Add("/instance_uuid", "9f000001-0000-4000-8000-000000000001")];

    [Fact]
    public async Task A_read_is_retried_through_503s_and_dropped_connections()
    {
        using var test = new TestClient();
        test.Handler.ThenError(HttpStatusCode.ServiceUnavailable, "No free conductor workers available")
            .ThenThrow(HttpRequestError.ResponseEnded)
            .ThenThrow(HttpRequestError.ConnectionError)
            .Then(HttpStatusCode.OK, NodeJson);

        Node node = await test.Run(test.Client.GetNodeAsync(Node));

        Assert.Equal(Node, node.Uuid);
        Assert.Equal(4, test.Handler.NonDiscovery.Count());
    }

    [Fact]
    public async Task A_write_is_retried_while_the_node_is_locked()
    {
        using var test = new TestClient();
        test.Handler.ThenError(HttpStatusCode.Conflict, Locked).ThenError(HttpStatusCode.Conflict, Locked).Then(HttpStatusCode.OK, NodeJson);

        await test.Run(test.Client.PatchNodeAsync(Node, Reserve));

        Assert.Equal(3, test.Handler.NonDiscovery.Count(r => r.Method == "PATCH"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "Node 1a1a1a1a-0000-4000-8000-00000000000a is associated with instance 9f000002-0000-4000-8000-000000000002.", typeof(NodeAssociatedException))]
    [InlineData(HttpStatusCode.BadRequest, "Cannot patch /no_such_field.", typeof(IronicBadRequestException))]
    [InlineData(HttpStatusCode.NotFound, "Node 1a1a1a1a-0000-4000-8000-00000000000a could not be found.", typeof(NodeNotFoundException))]
    [InlineData(HttpStatusCode.InternalServerError, "boom", typeof(IronicServerException))]
    [InlineData(HttpStatusCode.Conflict, "Node N can not be updated while a state transition is in progress.", typeof(NodeTransitionInProgressException))]
    public async Task A_write_ironic_refused_for_good_is_never_retried(HttpStatusCode status, string message, Type expected)
    {
        using var test = new TestClient();
        test.Handler.ThenError(status, message);

        Exception error = await Assert.ThrowsAnyAsync<BareMetalException>(() => test.Run(test.Client.PatchNodeAsync(Node, Reserve)));

        Assert.IsType(expected, error);
        Assert.Single(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_not_retried_and_says_it_may_have_been_applied()
    {
        using var test = new TestClient();
        test.Handler.ThenThrow(HttpRequestError.ResponseEnded);

        var error = await Assert.ThrowsAsync<IronicConnectionException>(() => test.Run(test.Client.PatchNodeAsync(Node, Reserve)));

        Assert.True(error.MayHaveBeenApplied);
        Assert.False(error.IsTransient);
        Assert.Single(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task A_write_whose_connection_was_refused_before_sending_is_retried()
    {
        using var test = new TestClient();
        test.Handler.ThenThrow(HttpRequestError.ConnectionError).Then(HttpStatusCode.Accepted);

        await test.Run(test.Client.SetPowerStateAsync(Node, PowerTarget.PowerOn));

        Assert.Equal(2, test.Handler.NonDiscovery.Count());
    }

    [Fact]
    public async Task A_whole_but_malformed_success_body_is_not_retried_for_a_read_or_a_write()
    {
        // The server sent all of its answer; asking again gets the same wrong answer (a cut-off body is retried, below).
        using var read = new TestClient();
        read.Handler.Then(HttpStatusCode.OK, """{"uuid": "1a1a1a1a-0000-4000""").Then(HttpStatusCode.OK, NodeJson);
        var malformed = await Assert.ThrowsAsync<IronicResponseFormatException>(() => read.Run(read.Client.GetNodeAsync(Node)));
        Assert.False(malformed.Truncated);
        Assert.Single(read.Handler.NonDiscovery);

        using var write = new TestClient();
        write.Handler.Then(HttpStatusCode.OK, "{not json");
        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => write.Run(write.Client.PatchNodeAsync(Node, Reserve)));
        Assert.True(error.MayHaveBeenApplied);
        Assert.Single(write.Handler.NonDiscovery);
    }

    private sealed class CutStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset mid-body");
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpResponseMessage CutOff(HttpStatusCode status) => new(status) { Content = new StreamContent(new CutStream()) };

    [Fact]
    public async Task A_body_cut_off_mid_read_is_retried_for_a_read_and_reported_as_maybe_applied_for_a_write()
    {
        using var read = new TestClient();
        read.Handler.Then(_ => CutOff(HttpStatusCode.OK)).Then(HttpStatusCode.OK, NodeJson);
        await read.Run(read.Client.GetNodeAsync(Node));
        Assert.Equal(2, read.Handler.NonDiscovery.Count());

        using var write = new TestClient();
        write.Handler.Then(_ => CutOff(HttpStatusCode.OK));
        var applied = await Assert.ThrowsAsync<IronicResponseFormatException>(() => write.Run(write.Client.PatchNodeAsync(Node, Reserve)));
        Assert.True(applied.MayHaveBeenApplied);

        using var refused = new TestClient(o => o.MaxRetries = 0);
        refused.Handler.Then(_ => CutOff(HttpStatusCode.Conflict));
        var notApplied = await Assert.ThrowsAsync<IronicResponseFormatException>(() => refused.Run(refused.Client.PatchNodeAsync(Node, Reserve)));
        Assert.False(notApplied.MayHaveBeenApplied);   // an error status arrived: Ironic did nothing
    }

    [Fact]
    public async Task Retries_are_bounded_by_count()
    {
        using var test = new TestClient(o => o.MaxRetries = 3);
        for (int i = 0; i < 10; i++) { test.Handler.ThenError(HttpStatusCode.ServiceUnavailable, "busy"); }

        await Assert.ThrowsAsync<IronicUnavailableException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Equal(4, test.Handler.NonDiscovery.Count());
    }

    [Fact]
    public async Task Retries_are_bounded_by_total_time()
    {
        using var test = new TestClient(o =>
        {
            o.MaxRetries = 50;
            o.RetryBaseDelay = TimeSpan.FromSeconds(10);
            o.RetryMaxDelay = TimeSpan.FromSeconds(10);
            o.RetryBudget = TimeSpan.FromSeconds(30);
        });
        for (int i = 0; i < 50; i++) { test.Handler.ThenError(HttpStatusCode.ServiceUnavailable, "busy"); }
        DateTimeOffset started = test.Time.GetUtcNow();

        await Assert.ThrowsAsync<IronicUnavailableException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        int attempts = test.Handler.NonDiscovery.Count();
        Assert.InRange(attempts, 2, 8);
        Assert.InRange(test.Time.GetUtcNow() - started, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task Retry_after_from_ironic_sets_the_delay()
    {
        using var test = new TestClient(o => { o.RetryBaseDelay = TimeSpan.FromMilliseconds(10); o.RetryMaxDelay = TimeSpan.FromSeconds(30); });
        test.Handler.Then(HttpStatusCode.ServiceUnavailable, ScriptedHandler.ErrorBody("busy"), r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7)))
            .Then(HttpStatusCode.OK, NodeJson);
        DateTimeOffset started = test.Time.GetUtcNow();

        await test.Run(test.Client.GetNodeAsync(Node));

        // The clock moves in steps of 100 ms: the wait is Retry-After, not the 10 ms base delay.
        Assert.InRange(test.Time.GetUtcNow() - started, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.2));
    }

    [Fact]
    public async Task The_callers_cancellation_wins_and_is_not_reported_as_a_failure()
    {
        using var test = new TestClient(o => o.RetryBaseDelay = TimeSpan.FromSeconds(5));
        for (int i = 0; i < 10; i++) { test.Handler.ThenError(HttpStatusCode.ServiceUnavailable, "busy"); }
        using var cts = new CancellationTokenSource();
        Task call = test.Client.GetNodeAsync(Node, cancellationToken: cts.Token);
        while (!test.Handler.NonDiscovery.Any()) { await Task.Yield(); }
        while (!test.Logs.GetSnapshot().Any(e => e.Id.Id == RetryingEvent)) { await Task.Yield(); }   // now in the retry delay

        cts.Cancel();

        Exception error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotAssignableFrom<BareMetalException>(error);
        Assert.Single(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task An_attempt_that_exceeds_its_deadline_is_a_timeout_not_a_cancellation()
    {
        using var test = new TestClient(o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.MaxRetries = 0; });
        test.Handler.ThenHang();

        var error = await Assert.ThrowsAsync<IronicTimeoutException>(() => test.Run(test.Client.SetPowerStateAsync(Node, PowerTarget.PowerOff)));

        Assert.True(error.MayHaveBeenApplied);
        Assert.Equal(Node, error.NodeId);
    }
}
