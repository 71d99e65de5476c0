namespace OrleansAI.Grains.Verification;

/// <summary>Stored state of a <see cref="FraudCaseGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.FraudCaseState")]
public sealed class FraudCaseState
{
    /// <summary>The case, once opened.</summary>
    [Id(0)] public FraudCaseSnapshot? Case { get; set; }

    /// <summary>Whether the provider's record has counted it.</summary>
    [Id(1)] public bool Counted { get; set; }
}
