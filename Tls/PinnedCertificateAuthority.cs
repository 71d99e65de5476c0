using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansAI.Tls;

/// <summary>
/// Trusts certificates issued by one CA and nothing else: the machine's trust store plays no part,
/// so a certificate from any other CA (public or private), an expired one, or one for another
/// name is refused. Every .NET client side of the platform checks servers with it (the SDK, oai,
/// oai-node's gateway channel) and the cluster's members check each other with it.
/// </summary>
public sealed class PinnedCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _authority;

    /// <summary>Pins <paramref name="authority"/>, which must be a CA certificate (a copy is kept).</summary>
    public PinnedCertificateAuthority(X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (authority.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            throw new ArgumentException($"The pinned certificate '{authority.Subject}' is not a CA certificate.", nameof(authority));
        }

        // Only the public certificate: the CA's key, if the caller holds it, is never needed here.
        _authority = X509CertificateLoader.LoadCertificate(authority.RawData);
    }

    /// <summary>The pinned CA certificate.</summary>
    public X509Certificate2 Authority => _authority;

    /// <summary>Pins the CA certificate in the PEM file at <paramref name="path"/> (such as <c>ca.crt</c> from <c>oai-deploy certs</c>).</summary>
    /// <exception cref="ArgumentException">The file is missing or holds no CA certificate; the message names the file.</exception>
    public static PinnedCertificateAuthority FromPemFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The CA certificate file '{path}' does not exist.", nameof(path));
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
            return new PinnedCertificateAuthority(certificate);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"The CA certificate file '{path}' holds no PEM certificate: {ex.Message}", nameof(path), ex);
        }
    }

    /// <summary>
    /// Why <paramref name="certificate"/> is not trusted for <paramref name="purpose"/>, or null when
    /// it is: it must chain to the pinned CA alone, be valid at <paramref name="at"/> (now when not
    /// given), not be a CA itself, allow the purpose, and, when <paramref name="host"/> is given,
    /// name it (a DNS name or an IP address in its subject alternative names).
    /// </summary>
    public string? Check(X509Certificate2 certificate, string? host, CertificatePurpose purpose, DateTimeOffset? at = null, IEnumerable<X509Certificate2>? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            return $"'{certificate.Subject}' is a CA certificate, not a server's";
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(_authority);
        // A development CA publishes no revocation lists; the pin and short lifetimes stand in for them.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        // Every listed usage must hold: a cluster member's certificate needs both.
        if (purpose is CertificatePurpose.Server or CertificatePurpose.ClusterMember)
        {
            policy.ApplicationPolicy.Add(ServerAuth);
        }

        if (purpose is CertificatePurpose.Client or CertificatePurpose.ClusterMember)
        {
            policy.ApplicationPolicy.Add(ClientAuth);
        }

        if (at is { } time)
        {
            policy.VerificationTime = time.UtcDateTime;
        }

        foreach (var intermediate in intermediates ?? [])
        {
            policy.ExtraStore.Add(intermediate);
        }

        if (!chain.Build(certificate))
        {
            var reasons = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
            return $"'{certificate.Subject}' is not trusted under the pinned CA '{_authority.Subject}': {string.Join("; ", reasons)}";
        }

        // CustomRootTrust with one root: a chain that builds ends at the pinned CA; checked all the same.
        var root = chain.ChainElements[^1].Certificate;
        if (!root.RawDataMemory.Span.SequenceEqual(_authority.RawDataMemory.Span))
        {
            return $"'{certificate.Subject}' does not chain to the pinned CA";
        }

        if (host is { Length: > 0 } && !certificate.MatchesHostname(host, allowWildcards: true, allowCommonName: false))
        {
            return $"'{certificate.Subject}' is not issued for '{host}' (it names {string.Join(", ", DevelopmentCertificates.NamesOf(certificate))})";
        }

        return null;
    }

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/> for TLS clients: the server's certificate
    /// must pass <see cref="Check"/> for the host the client asked for. The platform's own policy
    /// errors are ignored because the machine's trust store does not know the pinned CA.
    /// </summary>
    public bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // The host is the one the connection was opened for (SNI); without it nothing is trusted.
        if (sender is not SslStream { TargetHostName: { Length: > 0 } host } || certificate is null)
        {
            return false;
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return Check(presented, host, CertificatePurpose.Server, intermediates: Intermediates(chain)) is null;
    }

    /// <summary>
    /// Checks a cluster member's certificate (either end of a silo or client connection): issued by
    /// the pinned CA for <paramref name="purpose"/>; its name is not checked, as members connect by IP.
    /// </summary>
    public bool ValidatePeerCertificate(X509Certificate2? certificate, X509Chain? chain, CertificatePurpose purpose) =>
        certificate is not null && Check(certificate, host: null, purpose, intermediates: Intermediates(chain)) is null;

    /// <summary>Makes <paramref name="handler"/> trust servers by this pin alone.</summary>
    public SocketsHttpHandler Apply(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.SslOptions.RemoteCertificateValidationCallback = ValidateServerCertificate;
        return handler;
    }

    /// <summary>A new handler that trusts servers by this pin alone.</summary>
    public SocketsHttpHandler CreateHttpHandler() => Apply(new SocketsHttpHandler());

    /// <inheritdoc/>
    public void Dispose() => _authority.Dispose();

    // What the server sent beyond its own certificate, so that a chain through an intermediate builds.
    private static X509Certificate2[] Intermediates(X509Chain? chain) =>
        chain is null ? [] : [.. chain.ChainPolicy.ExtraStore.Cast<X509Certificate2>()];
}
