namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>What a data-parallel round decided about one work item (shard) whose result was checked.</summary>
/// <param name="Item">The shard's number.</param>
/// <param name="Outcome">What was decided, in words.</param>
/// <param name="AcceptedTaskId">The task whose result the round used; null when none could be trusted.</param>
/// <param name="Results">Every result of the item with its standing.</param>
/// <param name="CaseIds">Fraud cases opened from it.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ItemCheck")]
public sealed record ItemCheck(
    [property: Id(0)] int Item,
    [property: Id(1)] string Outcome,
    [property: Id(2)] string? AcceptedTaskId,
    [property: Id(3)] IReadOnlyList<CheckedResult> Results,
    [property: Id(4)] IReadOnlyList<string> CaseIds);
