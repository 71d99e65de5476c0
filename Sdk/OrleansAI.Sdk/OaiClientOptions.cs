using System.Security.Cryptography.X509Certificates;

namespace OrleansAI.Sdk;

/// <summary>How an <see cref="OaiClient"/> that owns its connections trusts the API's server.</summary>
public sealed class OaiClientOptions
{
    /// <summary>
    /// The CA the server's certificate must be issued by (the development CA of <c>./oai.sh up</c> is
    /// <c>.oai/tls/ca.crt</c>); only it is trusted, not the machine's store. Null: the machine's store.
    /// </summary>
    public X509Certificate2? PinnedAuthority { get; init; }

    /// <summary>A PEM file holding <see cref="PinnedAuthority"/>, read when the client is made; used when that is null.</summary>
    public string? PinnedAuthorityFile { get; init; }

    /// <summary>Allows an <c>http://</c> address, whose calls and API key travel unencrypted: development only.</summary>
    public bool AllowPlaintext { get; init; }
}
