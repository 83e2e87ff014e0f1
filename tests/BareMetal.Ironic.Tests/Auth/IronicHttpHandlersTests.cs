using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BareMetal.Ironic.Auth;

namespace BareMetal.Ironic.Tests.Auth;

/// <summary>TLS: verification stays on by default; a CA bundle trusts exactly its own chain; client certificates load from PEM.</summary>
public sealed class IronicHttpHandlersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baremetal-tls").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static X509Certificate2 Ca(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca, string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [1, 2, 3, 4]);
        return signed.CopyWithPrivateKey(key);
    }

    private string WritePem(string file, X509Certificate2 certificate)
    {
        string path = Path.Combine(_dir, file);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    [Fact]
    public void Verification_is_left_to_the_system_store_by_default()
    {
        using SocketsHttpHandler handler = IronicHttpHandlers.CreatePrimary(new IronicTlsOptions());
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public void A_ca_bundle_trusts_its_own_chain_and_nothing_else()
    {
        using X509Certificate2 ca = Ca("BareMetal Test CA"), otherCa = Ca("Someone Else");
        using X509Certificate2 good = Leaf(ca, "ironic.test"), foreign = Leaf(otherCa, "ironic.test");
        using SocketsHttpHandler handler = IronicHttpHandlers.CreatePrimary(new IronicTlsOptions { CaBundlePath = WritePem("ca.pem", ca) });
        RemoteCertificateValidationCallback verify = handler.SslOptions.RemoteCertificateValidationCallback!;

        Assert.True(verify(this, good, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(verify(this, foreign, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(verify(this, good, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(verify(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void A_client_certificate_is_loaded_from_pem_files()
    {
        using X509Certificate2 ca = Ca("BareMetal Test CA");
        using X509Certificate2 client = Leaf(ca, "compute-1");
        string certificate = WritePem("client.pem", client);
        string key = Path.Combine(_dir, "client.key");
        File.WriteAllText(key, client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        using SocketsHttpHandler handler = IronicHttpHandlers.CreatePrimary(new IronicTlsOptions { ClientCertificatePath = certificate, ClientKeyPath = key });

        X509Certificate loaded = Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate>());
        Assert.Equal(client.Thumbprint, new X509Certificate2(loaded).Thumbprint);
        Assert.True(new X509Certificate2(loaded).HasPrivateKey);
    }
}
