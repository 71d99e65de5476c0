namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>Where a fraud case stands.</summary>
public enum FraudCaseStatus
{
    /// <summary>Recorded; no slash attempted (no chain configured) or one is being retried.</summary>
    Recorded,

    /// <summary>The stake was slashed on chain citing the evidence.</summary>
    Slashed,

    /// <summary>The provider had nothing left to slash.</summary>
    NothingToSlash,

    /// <summary>The slash failed for a reason retrying cannot fix.</summary>
    Failed,

    /// <summary>The provider disputed the slash on chain; the arbiter decides.</summary>
    Disputed,

    /// <summary>The dispute was upheld: the stake was given back.</summary>
    Restored,

    /// <summary>The dispute window passed (or the dispute was rejected): the slashed funds went to their recipient.</summary>
    Finalized,
}
