using System.Security.Cryptography.X509Certificates;
using OrleansAI.Tls;

namespace OrleansAI.Hosting.Tests;

public sealed class PinnedCertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly X509Certificate2 _ca = DevelopmentCertificates.CreateAuthority("Pinned CA", Now.AddDays(-60), Now.AddYears(1));
    private readonly X509Certificate2 _foreignCa = DevelopmentCertificates.CreateAuthority("Pinned CA", Now.AddDays(-1), Now.AddYears(1));

    [Fact]
    public void ACertificateFromThePinnedCaForTheHostIsTrusted()
    {
        using var pin = new PinnedCertificateAuthority(_ca);
        using var server = DevelopmentCertificates.IssueCertificate(_ca, ["localhost", "127.0.0.1"], Now.AddMinutes(-1), Now.AddDays(30));

        Assert.Null(pin.Check(server, "localhost", CertificatePurpose.Server));
        Assert.Null(pin.Check(server, "127.0.0.1", CertificatePurpose.Server));
    }

    [Fact]
    public void ACertificateFromAnotherCaIsRefusedEvenWithTheSameNames()
    {
        using var pin = new PinnedCertificateAuthority(_ca);
        // Same subject names as the pinned CA's and the server's: only the key tells them apart.
        using var impostor = DevelopmentCertificates.IssueCertificate(_foreignCa, ["localhost"], Now.AddMinutes(-1), Now.AddDays(30));

        Assert.NotNull(pin.Check(impostor, "localhost", CertificatePurpose.Server));
        Assert.False(pin.ValidatePeerCertificate(impostor, null, CertificatePurpose.ClusterMember));
    }

    [Fact]
    public void ACertificateForAnotherHostIsRefused()
    {
        using var pin = new PinnedCertificateAuthority(_ca);
        using var server = DevelopmentCertificates.IssueCertificate(_ca, ["api.internal"], Now.AddMinutes(-1), Now.AddDays(30));

        var reason = pin.Check(server, "localhost", CertificatePurpose.Server);

        Assert.NotNull(reason);
        Assert.Contains("not issued for 'localhost'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpiredCertificateIsRefused()
    {
        using var pin = new PinnedCertificateAuthority(_ca);
        using var expired = DevelopmentCertificates.IssueCertificate(_ca, ["localhost"], Now.AddDays(-30), Now.AddDays(-1));

        Assert.NotNull(pin.Check(expired, "localhost", CertificatePurpose.Server));
        Assert.Null(pin.Check(expired, "localhost", CertificatePurpose.Server, at: Now.AddDays(-2)));
    }

    [Fact]
    public void TheCaItselfIsNotAcceptedAsAServer()
    {
        using var pin = new PinnedCertificateAuthority(_ca);

        Assert.NotNull(pin.Check(_ca, null, CertificatePurpose.Server));
    }

    [Fact]
    public void OnlyACaCanBePinnedAndAMissingFileIsNamed()
    {
        using var leaf = DevelopmentCertificates.IssueCertificate(_ca, ["localhost"], Now.AddMinutes(-1), Now.AddDays(30));

        Assert.Throws<ArgumentException>(() => new PinnedCertificateAuthority(leaf));
        var missing = Assert.Throws<ArgumentException>(() => PinnedCertificateAuthority.FromPemFile("/nonexistent/ca.crt"));
        Assert.Contains("/nonexistent/ca.crt", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaintextIsRefusedUnlessAllowedAndTheErrorNamesTheSwitch()
    {
        var refused = Assert.Throws<ArgumentException>(() => PlaintextPolicy.Require(new Uri("http://127.0.0.1:5000"), allowPlaintext: false, "--allow-plaintext"));

        Assert.Contains("--allow-plaintext", refused.Message, StringComparison.Ordinal);
        PlaintextPolicy.Require(new Uri("http://127.0.0.1:5000"), allowPlaintext: true, "--allow-plaintext");
        PlaintextPolicy.Require(new Uri("https://127.0.0.1:5000"), allowPlaintext: false, "--allow-plaintext");
    }

    public void Dispose()
    {
        _ca.Dispose();
        _foreignCa.Dispose();
    }
}
