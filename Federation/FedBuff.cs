using System.Numerics.Tensors;

namespace OrleansAI.Federation;

/// <summary>
/// Buffered asynchronous aggregation (FedBuff, Nguyen et al., 2022). Clients train whenever they
/// can, from whichever global version they last saw; their changes wait in a buffer and every K of
/// them update the model: x ← x + η·(1/K)·Σ s(τᵢ)·Δᵢ, with staleness τ = versions since the
/// client's base and s(τ) = 1/√(1+τ), so stale work counts less. Pure: the caller keeps the
/// global versions and passes the base model each update started from.
/// </summary>
public sealed class FedBuff
{
    private readonly List<(string ClientId, float[] Delta, int Staleness)> _buffer = [];

    /// <summary>Creates the aggregator.</summary>
    public FedBuff(int bufferSize, double serverLearningRate = 1.0, int maxStaleness = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serverLearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStaleness);
        BufferSize = bufferSize;
        ServerLearningRate = serverLearningRate;
        MaxStaleness = maxStaleness;
    }

    /// <summary>K: updates per aggregation.</summary>
    public int BufferSize { get; }

    /// <summary>η: server step size.</summary>
    public double ServerLearningRate { get; }

    /// <summary>Updates staler than this are refused.</summary>
    public int MaxStaleness { get; }

    /// <summary>Updates waiting for the next aggregation.</summary>
    public int Buffered => _buffer.Count;

    /// <summary>The staleness weight s(τ) = 1/√(1+τ).</summary>
    public static double StalenessWeight(int staleness) => 1 / Math.Sqrt(1 + staleness);

    /// <summary>
    /// Adds one client's result, trained from <paramref name="baseParameters"/> (global version
    /// <c>update.BaseRound</c>) while the model is at <paramref name="currentVersion"/>. Returns the
    /// new model once K updates are buffered, a refusal for a bad update, or null while it waits.
    /// </summary>
    public AggregationOutcome? Offer(ClientUpdate update, float[] baseParameters, float[] current, int currentVersion)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(baseParameters);
        ArgumentNullException.ThrowIfNull(current);
        if (baseParameters.Length != current.Length)
        {
            throw new ArgumentException($"The base model has {baseParameters.Length} parameters; the current one {current.Length}.", nameof(baseParameters));
        }

        var (valid, rejected) = UpdateScreen.Screen(current.Length, [update]);
        var staleness = currentVersion - update.BaseRound;
        if (valid.Count == 1 && (staleness < 0 || staleness > MaxStaleness))
        {
            rejected.Add(new RejectedUpdate(update.ClientId, $"staleness {staleness} is outside 0..{MaxStaleness}"));
        }

        if (rejected.Count > 0)
        {
            return AggregationOutcome.KeepCurrent("the update was refused", rejected);
        }

        var delta = new float[current.Length];
        TensorPrimitives.Subtract(update.Parameters, baseParameters, delta);
        _buffer.Add((update.ClientId, delta, staleness));
        if (_buffer.Count < BufferSize)
        {
            return null;
        }

        var next = (float[])current.Clone();
        foreach (var (_, d, s) in _buffer)
        {
            TensorPrimitives.MultiplyAdd(d, (float)(ServerLearningRate * StalenessWeight(s) / BufferSize), next, next);
        }

        var used = _buffer.Select(b => b.ClientId).ToArray();
        _buffer.Clear();
        return AggregationOutcome.NewModel(next, used, []);
    }
}
