namespace BareMetal.Ironic.Auth;

/// <summary>Adds credentials to an Ironic request; one implementation per auth strategy.</summary>
internal interface IIronicCredentials
{
    /// <summary>Adds the auth header and returns what was sent, so a 401 can invalidate exactly that credential.</summary>
    ValueTask<string?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="rejected"/>; returns true when a fresh credential can be fetched (Keystone).</summary>
    bool Invalidate(string? rejected);

    /// <summary>The secret values these credentials hold or sent (password, token), masked wherever a server echoes them.</summary>
    IEnumerable<string> KnownSecrets { get; }
}
