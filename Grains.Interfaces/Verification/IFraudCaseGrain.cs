namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>
/// One fraud case, keyed by its evidence hash: recorded once, counted against the provider's
/// reputation once, and slashed on chain once (retried until the chain answers).
/// </summary>
[Alias("OrleansAI.IFraudCaseGrain")]
public interface IFraudCaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case (a second call with the same evidence changes nothing) and returns it.</summary>
    [Alias("Open")]
    Task<FraudCaseSnapshot> OpenAsync(FraudEvidence evidence);

    /// <summary>
    /// Brings the case up to date with the chain: a pending slash whose dispute window has passed is
    /// finalized; a disputed, restored or finalized one is recorded as such. A reminder calls it.
    /// </summary>
    [Alias("Refresh")]
    Task<FraudCaseSnapshot?> RefreshAsync();

    /// <summary>
    /// Decides the provider's dispute of this case as the platform's arbiter, recording who decided
    /// and why: upheld restores the stake and takes the case back from its reputation; rejected makes
    /// the slash final. A case that is not disputed is returned unchanged.
    /// </summary>
    [Alias("Resolve")]
    Task<FraudCaseSnapshot?> ResolveAsync(bool upheld, string arbiter, string reason);

    /// <summary>The case, or null when none was opened.</summary>
    [Alias("Get")]
    Task<FraudCaseSnapshot?> GetAsync();
}
