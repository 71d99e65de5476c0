namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// A provider's sign-in, keyed by its canonical Ethereum address: the nonces its logins spent and the
/// sign-ins that delegated session keys, kept as evidence. Apart from the provider's record so that
/// sign-in traffic never touches the grain that holds its tasks.
/// </summary>
[Alias("OrleansAI.IProviderSignInGrain")]
public interface IProviderSignInGrain : IGrainWithStringKey
{
    /// <summary>
    /// Spends a signed login's nonce: true the first time, false when it was spent before or when
    /// more unexpired nonces are already spent than any honest provider needs. Only a login whose
    /// signature checked out reaches here, so a third party cannot spend (or crowd out) the
    /// provider's nonces. Spent nonces are kept until they expire, across restarts.
    /// </summary>
    [Alias("SpendNonce")]
    Task<bool> SpendNonceAsync(string nonce, DateTimeOffset expiresUtc);

    /// <summary>Keeps a sign-in that delegated a session key (the latest few are kept), as evidence.</summary>
    [Alias("RecordSession")]
    Task RecordSessionAsync(ProviderSession session);
}
