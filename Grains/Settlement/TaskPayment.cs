namespace OrleansAI.Grains.Settlement;

/// <summary>One payment for one accepted task.</summary>
/// <param name="TaskId">The platform's task id (the on-chain id is derived from it and the job).</param>
/// <param name="Provider">Who is paid.</param>
/// <param name="Amount">Token wei, decimal string.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.TaskPayment")]
public sealed record TaskPayment([property: Id(0)] string TaskId, [property: Id(1)] string Provider, [property: Id(2)] string Amount);
