namespace OrleansAI.Federation;

/// <summary>
/// A federated strategy after Flower's design: pure policy, no communication. The round loop asks
/// it who trains and with what settings, hands it the results and the failures, and gets back a
/// new model or an explicit decision to keep the current one; the same for evaluation.
/// </summary>
public interface IStrategy
{
    /// <summary>A short name, e.g. <c>fedavg</c>.</summary>
    string Name { get; }

    /// <summary>Chooses the clients that train in <paramref name="round"/> and their settings; no clients means the round cannot start.</summary>
    FitInstructions ConfigureFit(int round, IReadOnlyList<string> available, Random random);

    /// <summary>Combines the round's results with <paramref name="current"/> (not modified) into the next global model.</summary>
    AggregationOutcome AggregateFit(int round, float[] current, IReadOnlyList<ClientUpdate> results, IReadOnlyList<ClientFailure> failures);

    /// <summary>Chooses the clients that evaluate the global model in <paramref name="round"/>.</summary>
    FitInstructions ConfigureEvaluate(int round, IReadOnlyList<string> available, Random random);

    /// <summary>Combines the clients' evaluations, weighted by their example counts.</summary>
    EvaluationSummary AggregateEvaluate(int round, IReadOnlyList<EvaluationResult> results, IReadOnlyList<ClientFailure> failures);
}
