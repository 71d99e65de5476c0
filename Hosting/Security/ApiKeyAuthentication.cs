using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Security;

/// <summary>
/// Authenticates clients by API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>),
/// comparing the key's SHA-256 with the configured hashes in constant time. The client id becomes
/// the caller's identity; every job and model is checked against it.
/// </summary>
/// <remarks>
/// A browser cannot send a bearer header to the Orleans dashboard, so <c>Authorization: Basic</c>
/// is read too: the password is the key and the user name is ignored (the key alone identifies
/// the client). The challenge offers both, which is what makes a browser prompt.
/// </remarks>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ClientKeyOptions> clients,
    IAuditLog? audit = null) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>Longest key accepted; anything longer is refused before hashing.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>Lower-case hex SHA-256 of a key, as configured.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Api-Key"].FirstOrDefault();
        var authorization = Request.Headers.Authorization.FirstOrDefault();
        if (key is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = authorization["Bearer ".Length..].Trim();
        }
        else if (key is null && authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            key = BasicPassword(authorization["Basic ".Length..].Trim());
            if (key is null)
            {
                return Refuse("The Basic credentials are not base64 'user:key'.");
            }
        }

        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (key.Length > MaxKeyLength)
        {
            return Refuse("The API key is too long.");
        }

        var presented = Convert.FromHexString(Hash(key));
        foreach (var client in clients.CurrentValue.Keys)
        {
            if (client.Sha256.Length == 64 && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(client.Sha256)))
            {
                Claim[] claims =
                [
                    new Claim(ClaimTypes.NameIdentifier, client.ClientId),
                    .. client.Wallet is { Length: > 0 } wallet ? [new Claim(ClientIdentity.WalletClaim, EthAddresses.Normalise(wallet))] : Array.Empty<Claim>(),
                    .. client.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
                ];
                var identity = new ClaimsIdentity(claims, SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Refuse("Unknown API key.");
    }

    /// <summary>The audit log's name of the client API keys (owner: the platform; operators read it).</summary>
    public const string KeyResource = "key/client-api";

    // A refused key is a try at key material: recorded (without the key) with where it came from.
    private Task<AuthenticateResult> Refuse(string reason)
    {
        audit?.Record(new AuditEvent(AuditActors.Anonymous, AuditActions.KeyRefused, KeyResource, AuditActors.Platform,
            Audit.AuditSource.Of(Context), false, $"{reason} ({Request.Method} {Request.Path})"));
        return Task.FromResult(AuthenticateResult.Fail(reason));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Basic realm=\"OrleansAI\", charset=\"UTF-8\"");
        return Task.CompletedTask;
    }

    private static string? BasicPassword(string encoded)
    {
        if (encoded.Length > 4 * (MaxKeyLength + 64) / 3 + 4)
        {
            return null;
        }

        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }
}
