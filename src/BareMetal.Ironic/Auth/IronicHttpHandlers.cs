using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BareMetal.Ironic.Auth;

/// <summary>The primary handler for Ironic and Keystone connections, with the TLS settings applied.</summary>
internal static class IronicHttpHandlers
{
    public static SocketsHttpHandler CreatePrimary(IronicTlsOptions tls)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (tls.ClientCertificatePath is { } certificatePath)
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPemFile(certificatePath, tls.ClientKeyPath)];
        }
        if (tls.Insecure)
        {
#pragma warning disable CA5359 // Insecure is an explicit opt-in (default off, documented as never for production).
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.CaBundlePath is { } caBundle)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caBundle);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && TrustedBy(roots, new X509Certificate2(certificate), errors);
        }
        return handler;
    }

    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate2 certificate, SslPolicyErrors errors)
    {
        // Name mismatches and missing certificates are never forgiven; only the chain is checked against our roots.
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
