namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary><c>Staking.SlashStatus</c>: None → Pending → (Disputed →) Finalized, or Disputed → Restored.</summary>
public enum SlashStatus
{
    /// <summary>No slash with this evidence hash.</summary>
    None = 0,

    /// <summary>Stake taken, funds held; the provider may dispute until <c>disputeUntil</c>, then anyone may finalize.</summary>
    Pending = 1,

    /// <summary>Disputed by the provider; waiting for the arbiter.</summary>
    Disputed = 2,

    /// <summary>Credited to the recipient's claimable balance; final.</summary>
    Finalized = 3,

    /// <summary>Given back to the provider by an upheld dispute; final (the evidence stays used).</summary>
    Restored = 4,
}
