namespace OrleansAI.Grains.Verification;

/// <summary>Slashes a provider's stake on chain, citing evidence (implemented where the chain is: Hosting).</summary>
public interface ISlasher
{
    /// <summary>
    /// Slashes <paramref name="provider"/> citing <paramref name="evidenceHash"/> (32 bytes, hex).
    /// Evidence the chain has seen before counts as slashed: a retried attempt never slashes twice.
    /// Transport failures throw; the caller retries.
    /// </summary>
    Task<SlashOutcome> SlashAsync(string provider, string evidenceHash, CancellationToken cancellationToken);

    /// <summary>The slash's state on chain and the end of its dispute window.</summary>
    Task<(Interfaces.Verification.FraudCaseStatus Status, DateTimeOffset DisputeUntil)> StateAsync(string evidenceHash, CancellationToken cancellationToken);

    /// <summary>Finalizes a pending slash whose window has passed; returns the resulting state (still <c>Slashed</c> when the window is open).</summary>
    Task<Interfaces.Verification.FraudCaseStatus> FinalizeAsync(string evidenceHash, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a disputed slash as the arbiter: upheld gives the stake back, rejected makes the slash
    /// final. Returns the case's status on chain afterwards (unchanged when it was not disputed).
    /// </summary>
    Task<Interfaces.Verification.FraudCaseStatus> ResolveDisputeAsync(string evidenceHash, bool upheld, CancellationToken cancellationToken);
}
