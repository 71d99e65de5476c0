namespace OrleansAI.Federation.Strategies;

/// <summary>
/// What every synchronous strategy shares: sampling, screening updates, the failure policy and
/// example-weighted evaluation. A strategy supplies only how valid updates combine.
/// </summary>
public abstract class StrategyBase(SamplingOptions sampling) : IStrategy
{
    /// <summary>Sampling and failure policy.</summary>
    public SamplingOptions Sampling { get; } = Validate(sampling);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ConfigureFit(int round) => FitConfig(round);

    /// <inheritdoc />
    public AggregationOutcome AggregateFit(int round, float[] current, IReadOnlyList<ClientUpdate> results, IReadOnlyList<ClientFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(failures);
        var (valid, rejected) = UpdateScreen.Screen(current.Length, results, scanValues: !DefersValueScreening);
        if (!Sampling.AcceptFailures && failures.Count > 0)
        {
            return AggregationOutcome.KeepCurrent($"{failures.Count} client(s) failed and failures are not accepted", rejected);
        }

        if (valid.Count < Math.Max(1, Sampling.MinResults))
        {
            return AggregationOutcome.KeepCurrent($"{valid.Count} usable result(s), at least {Math.Max(1, Sampling.MinResults)} needed", rejected);
        }

        var combined = Combine(round, current, valid, rejected, out var keptBecause);
        if (combined is null)
        {
            return AggregationOutcome.KeepCurrent(keptBecause ?? "the strategy kept the current model", rejected);
        }

        var used = valid.Select(u => u.ClientId).Where(id => !rejected.Exists(r => r.ClientId == id)).ToArray();
        return AggregationOutcome.NewModel(combined, used, rejected);
    }

    /// <inheritdoc />
    public EvaluationSummary AggregateEvaluate(int round, IReadOnlyList<EvaluationResult> results, IReadOnlyList<ClientFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(failures);
        var usable = results.Where(r => r.Examples > 0 && double.IsFinite(r.Loss) && r.Accuracy is >= 0 and <= 1).ToArray();
        var examples = usable.Sum(r => r.Examples);
        if (examples == 0)
        {
            return new EvaluationSummary(0, double.NaN, double.NaN, 0, failures.Count);
        }

        return new EvaluationSummary(
            examples,
            usable.Sum(r => r.Loss * r.Examples) / examples,
            usable.Sum(r => r.Accuracy * r.Examples) / examples,
            usable.Length,
            failures.Count);
    }

    /// <summary>
    /// Combines screened updates into new parameters, or returns null with <paramref name="keptBecause"/>
    /// set to keep the current model. Updates the strategy filters out go into <paramref name="rejected"/>.
    /// </summary>
    protected abstract float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause);

    /// <summary>
    /// True for strategies whose arithmetic carries any NaN or infinity into the result (weighted
    /// sums): they skip the up-front scan and check their result instead, saving a pass over every
    /// update. They must then screen and recompute when the result is not finite.
    /// </summary>
    protected virtual bool DefersValueScreening => false;

    /// <summary>Settings sent with each training task.</summary>
    protected virtual IReadOnlyDictionary<string, double> FitConfig(int round) => new Dictionary<string, double>();

    /// <summary>Example counts as weights summing to one.</summary>
    protected static float[] ExampleWeights(IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        double total = updates.Sum(u => (double)u.Examples);
        return [.. updates.Select(u => (float)(u.Examples / total))];
    }

    private static SamplingOptions Validate(SamplingOptions sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        if (sampling.FractionFit is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampling), "The training fraction must be in (0, 1].");
        }

        if (sampling.MinFitClients < 1 || sampling.MinResults < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampling), "Client minimums must be positive.");
        }

        return sampling;
    }
}
