namespace OrleansAI.Federation;

/// <summary>
/// A federated strategy after Flower's design: pure policy, no communication. The round loop asks it
/// what every client trains with this round, hands it the results and the failures, and gets back a
/// new model or an explicit decision to keep the current one; it also combines the clients'
/// evaluations. Who trains is the round loop's choice: the platform samples by reputation, the
/// simulator with <see cref="ClientSampling"/> over the strategy's <see cref="Sampling"/>.
/// </summary>
public interface IStrategy
{
    /// <summary>A short name, e.g. <c>fedavg</c>.</summary>
    string Name { get; }

    /// <summary>How many clients the strategy wants per round and what it tolerates (minimum results, failures).</summary>
    SamplingOptions Sampling { get; }

    /// <summary>Settings every client trains with in <paramref name="round"/>, by name (e.g. <c>proximal_mu</c>); empty for none.</summary>
    IReadOnlyDictionary<string, double> ConfigureFit(int round);

    /// <summary>Combines the round's results with <paramref name="current"/> (not modified) into the next global model.</summary>
    AggregationOutcome AggregateFit(int round, float[] current, IReadOnlyList<ClientUpdate> results, IReadOnlyList<ClientFailure> failures);

    /// <summary>Combines the clients' evaluations, weighted by their example counts.</summary>
    EvaluationSummary AggregateEvaluate(int round, IReadOnlyList<EvaluationResult> results, IReadOnlyList<ClientFailure> failures);
}
