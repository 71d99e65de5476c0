using System.Security.Cryptography.X509Certificates;
using OrleansAI.Tls;

namespace OrleansAI.Hosting.Tests;

public sealed class DevelopmentCertificatesTests : IDisposable
{
    private static readonly string[] ExpectedNames = ["localhost", "silo", "api", "127.0.0.1", "::1", "10.1.2.3"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oai-certs-{Guid.NewGuid():N}");

    [Fact]
    public void TheServerCertificateNamesLoopbackAndTheExtraNamesAndChainsToTheCa()
    {
        var files = DevelopmentCertificates.Ensure(_directory, ["silo", "api", "10.1.2.3"]).Files;

        using var certificate = X509Certificate2.CreateFromPemFile(files.CertificatePath, files.KeyPath);
        Assert.Equal(ExpectedNames.Order(StringComparer.Ordinal), DevelopmentCertificates.NamesOf(certificate).Order(StringComparer.Ordinal));
        Assert.True(certificate.HasPrivateKey);
        using var pin = PinnedCertificateAuthority.FromPemFile(files.AuthorityPath);
        Assert.Null(pin.Check(certificate, "silo", CertificatePurpose.ClusterMember));
        Assert.Null(pin.Check(certificate, "127.0.0.1", CertificatePurpose.Server));
    }

    [Fact]
    public void TheLeafIsNotACaAndTheCaIsOneThatIssuesOnlyLeaves()
    {
        var files = DevelopmentCertificates.Ensure(_directory, []).Files;

        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(files.CertificatePath));
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(files.AuthorityPath));
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var caConstraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(caConstraints.CertificateAuthority);
        Assert.Equal(0, caConstraints.PathLengthConstraint);
        Assert.Equal(
            ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier,
            Convert.ToHexString(leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.Span));
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        using var key = leaf.GetECDsaPublicKey();
        Assert.Equal(256, key?.KeySize);
    }

    [Fact]
    public void KeyFilesAreReadableByTheirOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var files = DevelopmentCertificates.Ensure(_directory, []).Files;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.AuthorityKeyPath));
    }

    [Fact]
    public void EnsuringAgainKeepsBothAndNewNamesIssueOnlyANewCertificateUnderTheSameCa()
    {
        var first = DevelopmentCertificates.Ensure(_directory, ["silo"]);
        var ca = File.ReadAllText(first.Files.AuthorityPath);
        var leaf = File.ReadAllText(first.Files.CertificatePath);

        var again = DevelopmentCertificates.Ensure(_directory, ["silo"]);
        var leafAgain = File.ReadAllText(again.Files.CertificatePath);
        var renamed = DevelopmentCertificates.Ensure(_directory, ["silo", "api"]);

        Assert.True(first.AuthorityCreated);
        Assert.False(again.AuthorityCreated || again.CertificateIssued);
        Assert.Equal(leaf, leafAgain);
        Assert.False(renamed.AuthorityCreated);
        Assert.True(renamed.CertificateIssued);
        Assert.Equal(ca, File.ReadAllText(renamed.Files.AuthorityPath));
        Assert.NotEqual(leaf, File.ReadAllText(renamed.Files.CertificatePath));
    }

    [Fact]
    public void ACertificateCloseToExpiryIsIssuedAgain()
    {
        DevelopmentCertificates.Ensure(_directory, []);
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + DevelopmentCertificates.CertificateLifetime - TimeSpan.FromDays(10));

        var renewed = DevelopmentCertificates.Ensure(_directory, [], later);

        Assert.False(renewed.AuthorityCreated);
        Assert.True(renewed.CertificateIssued);
    }

    [Fact]
    public void ANameThatIsNeitherDnsNorIpIsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => DevelopmentCertificates.Ensure(_directory, ["bad name!"]));

        Assert.Contains("'bad name!'", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
