using OrleansAI.Hosting.Security.Tls;
using OrleansAI.Tls;

namespace OrleansAI.Testing;

/// <summary>
/// The tests' own CA and server certificate, made once per test process with the same code
/// <c>oai-deploy certs</c> runs, so that the network tests and the cluster run encrypted as the
/// platform does.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<CertificateFiles> Made = new(() =>
        DevelopmentCertificates.Ensure(Path.Combine(Path.GetTempPath(), $"oai-test-tls-{Environment.ProcessId}-{Guid.NewGuid():N}"), []).Files);

    /// <summary>The PEM files: the CA (<see cref="CertificateFiles.AuthorityPath"/>) and the server certificate for localhost, 127.0.0.1 and ::1.</summary>
    public static CertificateFiles Files => Made.Value;

    /// <summary>A pin of the test CA, for clients of the test servers.</summary>
    public static PinnedCertificateAuthority Authority() => PinnedCertificateAuthority.FromPemFile(Files.AuthorityPath);

    /// <summary>The cluster TLS settings every test silo and cluster client uses.</summary>
    public static ClusterTlsOptions Cluster => new() { CertificatePath = Files.CertificatePath, KeyPath = Files.KeyPath, CaPath = Files.AuthorityPath };

    /// <summary>The same as configuration (<c>Cluster:Tls:*</c>), for an Api or silo host.</summary>
    public static IReadOnlyDictionary<string, string?> ClusterSettings => new Dictionary<string, string?>
    {
        ["Cluster:Tls:CertificatePath"] = Files.CertificatePath,
        ["Cluster:Tls:KeyPath"] = Files.KeyPath,
        ["Cluster:Tls:CaPath"] = Files.AuthorityPath,
    };
}
