namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>One result of a checked data-parallel task and how it fared.</summary>
/// <param name="Provider">Who handed it in.</param>
/// <param name="TaskId">Its task.</param>
/// <param name="Role"><c>primary</c>, <c>replica</c>, <c>canary</c> or <c>replay</c> (the last two run by the platform's verifier).</param>
/// <param name="ResultSha256">Its result blob.</param>
/// <param name="Standing"><c>unchecked</c>, <c>agreed</c>, <c>proven-wrong</c> or <c>unresolved</c>.</param>
/// <param name="Method"><c>bitwise</c> or <c>tolerance</c>; empty when not compared.</param>
/// <param name="Cosine">Cosine of its update with the one it was judged against (null when not compared).</param>
/// <param name="MaxAbsDifference">Largest weight difference from it (null when not compared).</param>
/// <param name="Note">Why it was looked at (the screen's reason), or empty.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.CheckedResult")]
public sealed record CheckedResult(
    [property: Id(0)] string Provider,
    [property: Id(1)] string TaskId,
    [property: Id(2)] string Role,
    [property: Id(3)] string ResultSha256,
    [property: Id(4)] string Standing,
    [property: Id(5)] string Method,
    [property: Id(6)] double? Cosine,
    [property: Id(7)] double? MaxAbsDifference,
    [property: Id(8)] string Note);
