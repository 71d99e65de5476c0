namespace OrleansAI.Node;

/// <summary>How a task run ended: a signed result, or the reason it could not be done.</summary>
/// <param name="Result">The result, when the run succeeded.</param>
/// <param name="Failure">Why it failed, otherwise.</param>
public sealed record TaskOutcome(TaskResult? Result, string? Failure);
