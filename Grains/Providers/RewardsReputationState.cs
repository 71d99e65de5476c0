namespace OrleansAI.Grains.Providers;

/// <summary>Persistent state of <see cref="RewardsReputationGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.RewardsReputationState")]
public sealed class RewardsReputationState
{
    /// <summary>Multipliers (bps) the chain holds, as last set.</summary>
    [Id(0)] public Dictionary<string, int> Published { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Multipliers (bps) waiting for the next batch.</summary>
    [Id(1)] public Dictionary<string, int> Pending { get; set; } = new(StringComparer.Ordinal);
}
