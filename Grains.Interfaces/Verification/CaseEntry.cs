namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>One fraud case as the cluster-wide index lists it.</summary>
/// <param name="Id">The evidence hash (the case's id).</param>
/// <param name="Provider">The accused provider.</param>
/// <param name="Kind">The kind of evidence.</param>
/// <param name="Status">Where the case stands, as last recorded.</param>
/// <param name="OpenedUtc">When it was opened.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.CaseEntry")]
public sealed record CaseEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Provider,
    [property: Id(2)] string Kind,
    [property: Id(3)] FraudCaseStatus Status,
    [property: Id(4)] DateTimeOffset OpenedUtc);
