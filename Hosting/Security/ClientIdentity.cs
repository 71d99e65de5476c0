using System.Security.Claims;

namespace OrleansAI.Hosting.Security;

/// <summary>Reads the authenticated client's id.</summary>
public static class ClientIdentity
{
    /// <summary>The claim carrying the client's wallet address.</summary>
    public const string WalletClaim = "oai:wallet";

    /// <summary>The caller's wallet, or an empty string when none is configured.</summary>
    public static string Wallet(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(WalletClaim) ?? "";
    }

    /// <summary>The client id of an authenticated caller.</summary>
    public static string ClientId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not authenticated.");
    }
}
