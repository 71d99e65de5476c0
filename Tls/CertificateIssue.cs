namespace OrleansAI.Tls;

/// <summary>What <see cref="DevelopmentCertificates.Ensure"/> did.</summary>
/// <param name="Files">Where the certificates are.</param>
/// <param name="AuthorityCreated">True when a new CA was made (clients must pin the new one).</param>
/// <param name="CertificateIssued">True when a new server certificate was issued.</param>
public sealed record CertificateIssue(CertificateFiles Files, bool AuthorityCreated, bool CertificateIssued);
