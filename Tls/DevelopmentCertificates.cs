using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansAI.Tls;

/// <summary>
/// Makes a development CA and the one certificate it issues to the platform's servers (the Api,
/// the provider gateway, the silos' HTTP endpoint and the cluster's own TLS): ECDSA P-256 keys,
/// PEM files. <c>oai-deploy certs</c> runs <see cref="Ensure"/> for <c>./oai.sh up</c>; tests call
/// the same methods in-process. Not for production, where certificates come from a real CA.
/// </summary>
public static class DevelopmentCertificates
{
    /// <summary>The names every development certificate carries: this machine over loopback.</summary>
    public static IReadOnlyList<string> LoopbackNames { get; } = ["localhost", "127.0.0.1", "::1"];

    /// <summary>How long a new CA is valid.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>How long a new server certificate is valid (browsers refuse longer ones).</summary>
    public static readonly TimeSpan CertificateLifetime = TimeSpan.FromDays(397);

    /// <summary>A certificate this close to expiring is issued anew by <see cref="Ensure"/>.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>
    /// Makes sure <paramref name="directory"/> holds a CA and a server certificate it issued for the
    /// loopback names and <paramref name="extraNames"/> (DNS names or IP addresses). An existing CA
    /// is kept while it is valid for longer than <see cref="RenewBefore"/>, so pinned clients keep
    /// working; the server certificate is issued again when it is missing, expiring, from another
    /// CA or for other names. Key files are written with mode 0600.
    /// </summary>
    public static CertificateIssue Ensure(string directory, IEnumerable<string> extraNames, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(extraNames);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var names = LoopbackNames.Concat(extraNames.Select(n => n.Trim()).Where(n => n.Length > 0)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in names)
        {
            ValidateName(name);
        }

        Directory.CreateDirectory(directory);
        var files = new CertificateFiles(Path.GetFullPath(directory));
        var authority = LoadUsable(files.AuthorityPath, files.AuthorityKeyPath, now);
        var authorityCreated = authority is null;
        if (authority is null)
        {
            authority = CreateAuthority("OrleansAI Development CA", now.AddMinutes(-5), now + AuthorityLifetime);
            WritePem(authority, files.AuthorityPath, files.AuthorityKeyPath);
        }

        using (authority)
        {
            using var current = authorityCreated ? null : LoadUsable(files.CertificatePath, files.KeyPath, now);
            if (current is not null && IssuedBy(current, authority, now) && SameNames(current, names))
            {
                return new CertificateIssue(files, authorityCreated, CertificateIssued: false);
            }

            using var leaf = IssueCertificate(authority, names, now.AddMinutes(-5), now + CertificateLifetime);
            WritePem(leaf, files.CertificatePath, files.KeyPath);
            return new CertificateIssue(files, authorityCreated, CertificateIssued: true);
        }
    }

    /// <summary>A self-signed CA certificate with its private key: may sign certificates, nothing else.</summary>
    public static X509Certificate2 CreateAuthority(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(commonName);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(commonName)}"), key, HashAlgorithmName.SHA256);
        // pathLength 0: this CA issues end certificates only, never another CA.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>
    /// A certificate for <paramref name="names"/> (DNS names or IP addresses) signed by
    /// <paramref name="authority"/>, with its private key. It serves TLS and, in the cluster, also
    /// authenticates its holder as a client (serverAuth and clientAuth).
    /// </summary>
    public static X509Certificate2 IssueCertificate(X509Certificate2 authority, IReadOnlyList<string> names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("A certificate needs at least one name.", nameof(names));
        }

        using var authorityKey = authority.GetECDsaPrivateKey() ?? throw new ArgumentException("The CA certificate has no ECDSA private key.", nameof(authority));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(names[0])}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            ValidateName(name);
            if (IPAddress.TryParse(name, out var ip))
            {
                san.AddIpAddress(ip);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        // A random positive 16-byte serial: two certificates of one CA never share one.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        if (notAfter > authority.NotAfter)
        {
            notAfter = authority.NotAfter;
        }

        using var signed = request.Create(authority.SubjectName, X509SignatureGenerator.CreateForECDsa(authorityKey), notBefore, notAfter, serial);
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the certificate and its PKCS#8 private key as PEM; the key file is made readable by its owner only.</summary>
    public static void WritePem(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate has no ECDSA private key.", nameof(certificate));
        WriteFile(keyPath, key.ExportPkcs8PrivateKeyPem(), secret: true);
        WriteFile(certificatePath, certificate.ExportCertificatePem(), secret: false);
    }

    /// <summary>The DNS names and IP addresses a certificate's subject alternative names list.</summary>
    public static IReadOnlyList<string> NamesOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
            names.AddRange(extension.EnumerateIPAddresses().Select(ip => ip.ToString()));
        }

        return names;
    }

    private static void WriteFile(string path, string text, bool secret)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Written next to the target and moved over it: a reader never sees half a file, and the
        // key is 0600 from its creation, never briefly readable by others.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Write('\n');
        }

        File.Move(temporary, path, overwrite: true);
    }

    // The certificate and key at these paths while valid for longer than RenewBefore; null otherwise.
    private static X509Certificate2? LoadUsable(string certificatePath, string keyPath, DateTimeOffset now)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (CryptographicException)
        {
            // Damaged or mismatched files are replaced, not trusted.
            return null;
        }

        if (certificate.NotBefore > now.UtcDateTime.AddMinutes(5) || certificate.NotAfter < (now + RenewBefore).UtcDateTime)
        {
            certificate.Dispose();
            return null;
        }

        return certificate;
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority, DateTimeOffset now)
    {
        using var pinned = new PinnedCertificateAuthority(authority);
        return pinned.Check(certificate, host: null, CertificatePurpose.Server, now) is null;
    }

    private static bool SameNames(X509Certificate2 certificate, IReadOnlyList<string> names) =>
        NamesOf(certificate).Select(Canonical).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(names.Select(Canonical));

    private static string Canonical(string name) => IPAddress.TryParse(name, out var ip) ? ip.ToString() : name.ToLowerInvariant();

    private static void ValidateName(string name)
    {
        if (IPAddress.TryParse(name, out _))
        {
            return;
        }

        if (Uri.CheckHostName(name) != UriHostNameType.Dns || name.Length > 253)
        {
            throw new ArgumentException($"'{name}' is neither a DNS name nor an IP address.", nameof(name));
        }
    }

    // A common name is quoted so that a comma or an equals sign in it cannot add attributes.
    private static string Escape(string value) => $"\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
