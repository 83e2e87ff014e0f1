using BareMetal.Ironic.Fake.Api;
using BareMetal.Ironic.Fake.Faults;

namespace BareMetal.Ironic.Fake.Hosting;

/// <summary>
/// Serves a <see cref="FakeIronic"/> inside the caller's process. Dropped connections surface as the
/// <see cref="HttpRequestException"/> a real socket gives (connection refused, or response ended), and a truncated
/// body as an <see cref="IOException"/> while the body is read.
/// </summary>
internal sealed class FakeIronicHandler(FakeIronic fake) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var exchange = await fake.ExchangeAsync(new FakeRequest
        {
            Method = request.Method.Method,
            Path = uri.AbsolutePath,
            Query = uri.Query.TrimStart('?'),
            Header = name => request.Headers.TryGetValues(name, out IEnumerable<string>? values)
                || (request.Content?.Headers.TryGetValues(name, out values) ?? false) ? string.Join(",", values!) : null,
            Body = body,
            PublicUrl = new Uri(uri.GetLeftPart(UriPartial.Authority)),
        }, cancellationToken).ConfigureAwait(false);

        if (exchange.Response is not { } response)
        {
            throw exchange.Fault == FakeFaultKind.DropRequest
                ? new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (dropped by the fake Ironic).")
                : new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (dropped by the fake Ironic).");
        }
        byte[] payload = response.Body ?? [];
        if (exchange.Fault == FakeFaultKind.MalformedBody && payload.Length > 0) { payload = FakeExchange.Garbage; }
        HttpContent content = exchange.Fault == FakeFaultKind.TruncatedBody && payload.Length > 0
            ? new StreamContent(new TruncatedStream(payload))
            : new ByteArrayContent(payload);
        var message = new HttpResponseMessage(response.Status) { RequestMessage = request, Content = content };
        foreach ((string name, string value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) { content.Headers.TryAddWithoutValidation(name, value); }
        }
        content.Headers.ContentLength = payload.Length;
        return message;
    }

    /// <summary>Gives the first half of the body, then fails as a reset connection does.</summary>
    private sealed class TruncatedStream(byte[] payload) : Stream
    {
        private readonly int _cut = payload.Length / 2;
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => payload.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= _cut)
            {
                throw new IOException("The connection was reset mid-body (truncated by the fake Ironic).");
            }
            int n = Math.Min(count, _cut - _position);
            Array.Copy(payload, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
