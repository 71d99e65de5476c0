namespace OrleansAI.Federation;

/// <summary>A client's evaluation of the global model on its local data.</summary>
/// <param name="ClientId">Who evaluated.</param>
/// <param name="Examples">Examples evaluated.</param>
/// <param name="Loss">Mean loss.</param>
/// <param name="Accuracy">Accuracy in [0, 1].</param>
public sealed record EvaluationResult(string ClientId, long Examples, double Loss, double Accuracy);
