namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>One provider's result in a round, as provenance: who, which task, which blob, how it was used.</summary>
/// <param name="Provider">Provider address.</param>
/// <param name="TaskId">The task.</param>
/// <param name="ResultSha256">The result blob's hash; empty for evaluation tasks.</param>
/// <param name="Examples">Examples it claims.</param>
/// <param name="Used">Whether aggregation used it.</param>
/// <param name="Note">Why it was not used, if it was not.</param>
/// <param name="Earns">Whether it is paid: a result the model used, or a data-parallel replica proven to agree; null means as <paramref name="Used"/>.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.RoundContribution")]
public sealed record RoundContribution(
    [property: Id(0)] string Provider,
    [property: Id(1)] string TaskId,
    [property: Id(2)] string ResultSha256,
    [property: Id(3)] long Examples,
    [property: Id(4)] bool Used,
    [property: Id(5)] string Note,
    [property: Id(6)] bool? Earns = null)
{
    /// <summary>Whether the job pays for it.</summary>
    public bool IsPaid => Earns ?? Used;
}
