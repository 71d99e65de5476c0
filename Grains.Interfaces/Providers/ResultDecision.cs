namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What the platform made of a provider's result, as its receipt tells the provider.</summary>
/// <param name="Outcome">Accepted, late, duplicate or refused.</param>
/// <param name="Detail">Why, when it was not accepted; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ResultDecision")]
public sealed record ResultDecision([property: Id(0)] SubmitOutcome Outcome, [property: Id(1)] string Detail);
