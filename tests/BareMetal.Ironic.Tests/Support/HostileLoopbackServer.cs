using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BareMetal.Ironic.Tests.Support;

/// <summary>
/// A real HTTP peer on 127.0.0.1 that misbehaves where an in-process handler cannot show it: a body that never ends
/// over a real socket, or no answer at all. Every connection gets the same behaviour.
/// </summary>
internal sealed class HostileLoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public HostileLoopbackServer(HostileBehaviour behaviour)
    {
        _listener.Start();
        Behaviour = behaviour;
        _loop = AcceptAsync();
    }

    public HostileBehaviour Behaviour { get; }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v3");

    /// <summary>How many body bytes the server managed to send before the client hung up.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private long _bytesSent;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                await ReadHeadAsync(stream);
                if (Behaviour == HostileBehaviour.Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Subject-Token: tok\r\nTransfer-Encoding: chunked\r\n\r\n"), _stop.Token);
                byte[] chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string('a', 0x10000)}\r\n");
                while (true)
                {
                    await stream.WriteAsync(chunk, _stop.Token);
                    Interlocked.Add(ref _bytesSent, 0x10000);
                }
            }
            catch (IOException) { }
            catch (SocketException) { }
            catch (OperationCanceledException) { }
        }
    }

    private static async Task ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        byte[] one = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(one);
            if (read == 0) { return; }
            head.Append(Encoding.ASCII.GetString(one, 0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>What <see cref="HostileLoopbackServer"/> does after reading a request.</summary>
internal enum HostileBehaviour
{
    /// <summary>201 with a chunked body that never ends.</summary>
    EndlessBody,

    /// <summary>Nothing: the connection stays open and silent.</summary>
    Silent,
}
