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
}
