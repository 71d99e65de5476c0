namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// A provider's sign-in, keyed by its canonical Ethereum address: the single-use challenges it was
/// issued and the sign-ins that delegated session keys, kept as evidence. Apart from the provider's
/// record so that a flood of challenges never touches the grain that holds its tasks.
/// </summary>
[Alias("OrleansAI.IProviderSignInGrain")]
public interface IProviderSignInGrain : IGrainWithStringKey
{
    /// <summary>Records a single-use sign-in nonce; only the newest few stay valid.</summary>
    [Alias("IssueChallenge")]
    Task IssueChallengeAsync(string nonce, DateTimeOffset issuedUtc, DateTimeOffset expiresUtc, string sessionKey);

    /// <summary>
    /// Uses up <paramref name="nonce"/>: returns when it was issued, when it expires and the session key
    /// it names, or null when it is unknown, used or expired. A second call with the same nonce always
    /// returns null.
    /// </summary>
    [Alias("ConsumeChallenge")]
    Task<(DateTimeOffset Issued, DateTimeOffset Expires, string SessionKey)?> ConsumeChallengeAsync(string nonce);

    /// <summary>Keeps a sign-in that delegated a session key (the latest few are kept), as evidence.</summary>
    [Alias("RecordSession")]
    Task RecordSessionAsync(ProviderSession session);
}
