using System.Numerics.Tensors;

namespace OrleansAI.Federation.Robust;

/// <summary>
/// Norm clipping: each client's change Δᵢ = xᵢ − x is scaled down to norm at most C before the
/// example-weighted average, which bounds how far one client (e.g. a scaled model-replacement
/// attack) can move the model. In adaptive mode C tracks a quantile γ of the norms with the
/// geometric rule C ← C·exp(−η_C(b − γ)), b being the share of updates already within C.
/// </summary>
public sealed class NormClipping : StrategyBase
{
    /// <summary>Creates the strategy.</summary>
    public NormClipping(double clipNorm, ClippingMode mode = ClippingMode.Fixed, double targetQuantile = 0.5, double clipLearningRate = 0.2, SamplingOptions? sampling = null)
        : base(sampling ?? new SamplingOptions())
    {
        if (!(clipNorm > 0) || double.IsInfinity(clipNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, "The clipping norm must be positive and finite.");
        }

        if (targetQuantile is <= 0 or >= 1 || clipLearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetQuantile), "The target quantile must be in (0, 1) and the rate positive.");
        }

        ClipNorm = clipNorm;
        Mode = mode;
        TargetQuantile = targetQuantile;
        ClipLearningRate = clipLearningRate;
    }

    /// <summary>The current bound C; adaptive mode changes it after each aggregation. Persist it to resume.</summary>
    public double ClipNorm { get; set; }

    /// <summary>Fixed or adaptive.</summary>
    public ClippingMode Mode { get; }

    /// <summary>Target quantile γ of update norms (adaptive mode).</summary>
    public double TargetQuantile { get; }

    /// <summary>Rate η_C of the bound's geometric update (adaptive mode).</summary>
    public double ClipLearningRate { get; }

    /// <inheritdoc />
    public override string Name => Mode == ClippingMode.Fixed ? "clip" : "adaptiveclip";

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        keptBecause = null;
        var weights = ExampleWeights(updates);
        var result = (float[])current.Clone();
        var delta = new float[current.Length];
        var within = 0;
        for (var i = 0; i < updates.Count; i++)
        {
            TensorPrimitives.Subtract(updates[i].Parameters, current, delta);
            var norm = TensorPrimitives.Norm(delta);
            if (norm <= ClipNorm)
            {
                within++;
            }

            var scale = norm > ClipNorm ? (float)(ClipNorm / norm) : 1f;
            TensorPrimitives.MultiplyAdd(delta, weights[i] * scale, result, result);
        }

        if (Mode == ClippingMode.Adaptive)
        {
            var share = within / (double)updates.Count;
            ClipNorm *= Math.Exp(-ClipLearningRate * (share - TargetQuantile));
        }

        return result;
    }
}
