using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Hosting;
using OrleansAI.Tls;
using OrleansTlsOptions = Orleans.Connections.Security.TlsOptions;
using RemoteCertificateMode = Orleans.Connections.Security.RemoteCertificateMode;

namespace OrleansAI.Hosting.Security.Tls;

/// <summary>
/// Mutual TLS on the cluster's connections (silo to silo, client to gateway): each end presents
/// the configured certificate and accepts the other's only when the pinned cluster CA issued it.
/// </summary>
public static class ClusterTls
{
    /// <summary>Encrypts and authenticates every connection this silo makes or accepts.</summary>
    public static ISiloBuilder UseOrleansAITls(this ISiloBuilder silo, ClusterTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var (certificate, pinned) = Load(tls);
        return silo.UseTls(certificate, o => Configure(o, pinned));
    }

    /// <summary>Encrypts and authenticates this client's connections to the cluster's gateways.</summary>
    public static IClientBuilder UseOrleansAITls(this IClientBuilder client, ClusterTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (certificate, pinned) = Load(tls);
        return client.UseTls(certificate, o => Configure(o, pinned));
    }

    private static void Configure(OrleansTlsOptions options, PinnedCertificateAuthority pinned)
    {
        // Both ends must show a certificate: a process without one is not a member.
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The machine's trust store does not know the cluster CA, so its policy errors say nothing;
        // the pin decides. Members connect by IP, so names are not checked.
        options.RemoteCertificateValidation = (certificate, chain, _) => pinned.ValidatePeerCertificate(certificate, chain, CertificatePurpose.ClusterMember);
    }

    private static (X509Certificate2 Certificate, PinnedCertificateAuthority Pinned) Load(ClusterTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (!tls.IsComplete)
        {
            throw new InvalidOperationException("Cluster:Tls needs all of CertificatePath, KeyPath and CaPath.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(tls.CertificatePath!, tls.KeyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException)
        {
            throw new InvalidOperationException($"Cluster:Tls:CertificatePath '{tls.CertificatePath}' and KeyPath '{tls.KeyPath}' do not hold a certificate with its key: {ex.Message}", ex);
        }

        try
        {
            return (certificate, PinnedCertificateAuthority.FromPemFile(tls.CaPath!));
        }
        catch (ArgumentException ex)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"Cluster:Tls:CaPath: {ex.Message}", ex);
        }
    }
}
