namespace OrleansAI.Sdk.Cases;

/// <summary>Where a fraud case stands (docs/verification.md).</summary>
public enum FraudCaseStatus
{
    /// <summary>Evidence recorded; the slash is not sent yet.</summary>
    Recorded,

    /// <summary>Slashed on chain; the dispute window is open.</summary>
    Slashed,

    /// <summary>The provider had no stake to slash.</summary>
    NothingToSlash,

    /// <summary>The chain refused the slash.</summary>
    Failed,

    /// <summary>The provider disputed it; an operator decides.</summary>
    Disputed,

    /// <summary>The dispute was upheld: the stake is back and the case no longer counts.</summary>
    Restored,

    /// <summary>The window passed or the dispute was rejected: the slash stands.</summary>
    Finalized,
}
