namespace OrleansAI.Hosting.Security.Tls;

/// <summary>
/// The cluster's own TLS (<c>Cluster:Tls</c>): silos and the Api, as a cluster client, present
/// this certificate to each other and trust only certificates issued by the CA at
/// <see cref="CaPath"/> (mutual authentication).
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>This member's certificate (PEM); it must allow both server and client authentication.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's private key (PEM, PKCS#8).</summary>
    public string? KeyPath { get; set; }

    /// <summary>The CA (PEM) every member's certificate must be issued by.</summary>
    public string? CaPath { get; set; }

    /// <summary>True when any of the three is set; then all three must be.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyPath) || !string.IsNullOrWhiteSpace(CaPath);

    /// <summary>True when all three are set.</summary>
    public bool IsComplete => !string.IsNullOrWhiteSpace(CertificatePath) && !string.IsNullOrWhiteSpace(KeyPath) && !string.IsNullOrWhiteSpace(CaPath);
}
