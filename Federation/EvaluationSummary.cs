namespace OrleansAI.Federation;

/// <summary>The round's evaluation across clients, weighted by their example counts.</summary>
/// <param name="Examples">Total examples evaluated.</param>
/// <param name="Loss">Example-weighted mean loss; NaN when nothing was evaluated.</param>
/// <param name="Accuracy">Example-weighted accuracy; NaN when nothing was evaluated.</param>
/// <param name="Clients">How many clients contributed.</param>
/// <param name="Failures">How many clients failed to evaluate.</param>
public sealed record EvaluationSummary(long Examples, double Loss, double Accuracy, int Clients, int Failures);
