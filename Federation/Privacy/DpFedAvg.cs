using System.Numerics.Tensors;
using OrleansAI.Federation.Strategies;

namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Client-level differentially private FedAvg (McMahan, Ramage, Talwar, Zhang, ICLR 2018): each
/// client's change Δᵢ = xᵢ − x is clipped to norm C, the clipped changes are summed, Gaussian noise
/// of standard deviation z·C is added to the sum, and the model moves by the noisy sum over the
/// expected cohort size m. One client changes the sum by at most C whatever it sends, so each round
/// is the sampled Gaussian mechanism with noise multiplier z at the round's client sampling rate,
/// which <see cref="RdpAccountant"/> composes. Updates are not weighted by the examples clients
/// claim: a claimed count would scale a client's influence past C.
/// With adaptive clipping the bound follows a target quantile of the norms, and the share of
/// unclipped updates it learns from is itself released with noise σ_b (Andrew, Thakkar, McMahan,
/// Ramaswamy, NeurIPS 2021), the update noise shrinking to z_Δ so the round still composes to z.
/// </summary>
public sealed class DpFedAvg : StrategyBase
{
    private readonly IGaussianNoise _noise;

    /// <summary>Creates the strategy; <paramref name="noise"/> must be <see cref="SecureGaussianNoise"/> outside tests.</summary>
    public DpFedAvg(DpFedAvgOptions options, IGaussianNoise noise, SamplingOptions? sampling = null)
        : base(sampling ?? new SamplingOptions())
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(noise);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException($"Invalid DP-FedAvg settings: {problem}.", nameof(options));
        }

        Options = options;
        ClipNorm = options.ClipNorm;
        _noise = noise;
    }

    /// <summary>The settings.</summary>
    public DpFedAvgOptions Options { get; }

    /// <summary>The bound C in effect; adaptive clipping changes it after each round. Persist it to resume.</summary>
    public double ClipNorm { get; set; }

    /// <inheritdoc />
    public override string Name => "dp-fedavg";

    /// <summary>The standard deviation of the noise the next round adds to the sum of clipped updates.</summary>
    public double SumNoiseStandardDeviation => Options.UpdateNoiseMultiplier * ClipNorm;

    /// <summary>The clipped change <paramref name="update"/> contributes, and whether it was within the bound.</summary>
    public static bool AddClipped(ReadOnlySpan<float> update, ReadOnlySpan<float> current, double clipNorm, Span<float> sum, Span<float> scratch)
    {
        TensorPrimitives.Subtract(update, current, scratch);
        var norm = TensorPrimitives.Norm(scratch);
        var within = norm <= clipNorm;
        TensorPrimitives.MultiplyAdd(scratch, within ? 1f : (float)(clipNorm / norm), sum, sum);
        return within;
    }

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        keptBecause = null;
        var sum = new float[current.Length];
        var scratch = new float[current.Length];
        var within = 0;
        foreach (var update in updates)
        {
            if (AddClipped(update.Parameters, current, ClipNorm, sum, scratch))
            {
                within++;
            }
        }

        _noise.Add(sum, SumNoiseStandardDeviation);
        var result = (float[])current.Clone();
        TensorPrimitives.MultiplyAdd(sum, 1f / Options.ExpectedClients, result, result);
        if (Options.AdaptiveClipping)
        {
            // The unclipped share is released with its own noise before the bound moves on it.
            var share = (within + _noise.Draw(Options.EffectiveCountNoise)) / Options.ExpectedClients;
            ClipNorm *= Math.Exp(-Options.ClipLearningRate * (share - Options.TargetQuantile));
        }

        return result;
    }
}
