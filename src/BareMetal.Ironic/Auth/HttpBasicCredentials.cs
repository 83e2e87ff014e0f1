using System.Net.Http.Headers;
using System.Text;
using BareMetal.Ironic.Logging;

namespace BareMetal.Ironic.Auth;

/// <summary><c>auth_strategy = http_basic</c>: a fixed <c>Authorization: Basic</c> header.</summary>
internal sealed class HttpBasicCredentials(string username, string password) : IIronicCredentials
{
    private readonly Secret<string> _header = new(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    private readonly Secret<string> _password = new(password);

    public IEnumerable<string> KnownSecrets => [_password.Reveal(), _header.Reveal()];

    public ValueTask<string?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _header.Reveal());
        return ValueTask.FromResult<string?>(null);
    }

    // A fixed password does not get better by asking again.
    public bool Invalidate(string? rejected) => false;
}
