namespace OrleansAI.Grains.Rounds;

/// <summary>
/// The second half of the one aggregation path: runs the job's strategy (a fresh instance given what
/// the previous round carried out of it) over the updates a round chose, and stores the new model and
/// the strategy's state.
/// </summary>
internal static class StrategyRunner
{
    /// <summary>What running the strategy produced and stored.</summary>
    /// <param name="Outcome">The strategy's decision.</param>
    /// <param name="NewWeights">The stored new model, or null when the current one is kept.</param>
    /// <param name="StrategyState">The stored state for the next round (the previous one when nothing changed).</param>
    internal sealed record Applied(AggregationOutcome Outcome, ContentReference? NewWeights, ContentReference? StrategyState);

    /// <summary>Creates the strategy, restores its state, lets <paramref name="aggregate"/> run it, and stores what came out.</summary>
    public static async Task<Applied> ApplyAsync(
        IContentStore store, RoundConfig config, ModelPlan plan, Func<IStrategy, AggregationOutcome> aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(aggregate);
        // A private round aggregates with DP-FedAvg, its noise from the system's cryptographic generator.
        IStrategy strategy = config.Privacy is { } privacy
            ? new Federation.Privacy.DpFedAvg(
                new Federation.Privacy.DpFedAvgOptions
                {
                    NoiseMultiplier = privacy.NoiseMultiplier,
                    ClipNorm = privacy.ClipNorm,
                    ExpectedClients = privacy.ExpectedClients,
                    AdaptiveClipping = privacy.AdaptiveClipping,
                },
                Federation.Privacy.SecureGaussianNoise.Instance)
            : StrategyCatalog.Create(config.Strategy);
        if (config.StrategyState is { } carried)
        {
            StrategyState.Import(strategy, await store.ReadAllAsync(carried, cancellationToken));
        }

        var outcome = aggregate(strategy);
        var nextState = config.StrategyState;
        if (StrategyState.Export(strategy) is { } exported)
        {
            using var stateContent = new MemoryStream(exported);
            nextState = await store.PutAsync(stateContent, cancellationToken);
        }

        ContentReference? next = null;
        if (outcome.Parameters is { } parameters)
        {
            using var content = new MemoryStream(new ModelWeights(plan, parameters).ToSafetensors());
            next = await store.PutAsync(content, cancellationToken);
        }

        return new Applied(outcome, next, nextState);
    }
}
