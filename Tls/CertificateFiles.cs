namespace OrleansAI.Tls;

/// <summary>Where a development CA and the certificate it issued are kept, as PEM files in one folder.</summary>
/// <param name="Directory">The folder.</param>
public sealed record CertificateFiles(string Directory)
{
    /// <summary>The CA's certificate, which clients pin.</summary>
    public string AuthorityPath => Path.Combine(Directory, "ca.crt");

    /// <summary>The CA's private key (PKCS#8; mode 0600).</summary>
    public string AuthorityKeyPath => Path.Combine(Directory, "ca.key");

    /// <summary>The server (and cluster member) certificate.</summary>
    public string CertificatePath => Path.Combine(Directory, "server.crt");

    /// <summary>The server certificate's private key (PKCS#8; mode 0600).</summary>
    public string KeyPath => Path.Combine(Directory, "server.key");
}
