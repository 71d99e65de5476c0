using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansAI.Api.Security;

/// <summary>
/// Authenticates clients by API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>),
/// comparing the key's SHA-256 with the configured hashes in constant time. The client id becomes
/// the caller's identity; every job and model is checked against it.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ClientKeyOptions> clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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

        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (key.Length > MaxKeyLength)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is too long."));
        }

        var presented = Convert.FromHexString(Hash(key));
        foreach (var client in clients.CurrentValue.Keys)
        {
            if (client.Sha256.Length == 64 && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(client.Sha256)))
            {
                Claim[] claims =
                [
                    new Claim(ClaimTypes.NameIdentifier, client.ClientId),
                    .. client.Wallet is { Length: > 0 } wallet ? [new Claim(ClientIdentity.WalletClaim, Protocol.ProviderAddress.Normalize(wallet))] : Array.Empty<Claim>(),
                    .. client.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
                ];
                var identity = new ClaimsIdentity(claims, SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }
}
