namespace OrleansAI.Sdk.Chain;

/// <summary>A provider's stake as the chain mirror sees it, in token wei (decimal strings).</summary>
/// <param name="Address">Provider address.</param>
/// <param name="Active">Active stake.</param>
/// <param name="Unbonding">Stake waiting out its cooldown.</param>
/// <param name="ReleaseAt">When the unbonding stake may be withdrawn (unix seconds), 0 when none.</param>
/// <param name="Slashed">Slashed so far.</param>
/// <param name="AsOfBlock">Every event below this block is reflected.</param>
public sealed record StakeView(string Address, string Active, string Unbonding, long ReleaseAt, string Slashed, ulong AsOfBlock);
