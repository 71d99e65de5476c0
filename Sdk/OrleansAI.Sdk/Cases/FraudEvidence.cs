namespace OrleansAI.Sdk.Cases;

/// <summary>What a fraud case proves: the signed answers of everyone compared.</summary>
/// <param name="Kind">How it was caught (for example outvoted, verifier or a training check).</param>
/// <param name="Provider">The accused provider.</param>
/// <param name="ModelKey">The model or round concerned.</param>
/// <param name="RequestId">The request or task concerned.</param>
/// <param name="Input">The input, stored by hash.</param>
/// <param name="ChainId">The chain the signatures are bound to.</param>
/// <param name="Answers">Every signed answer compared.</param>
/// <param name="AtUtc">When it was caught.</param>
public sealed record FraudEvidence(string Kind, string Provider, string ModelKey, string RequestId, ContentReference Input, long ChainId, IReadOnlyList<SignedAnswer> Answers, DateTimeOffset AtUtc);
