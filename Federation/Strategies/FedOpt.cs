namespace OrleansAI.Federation.Strategies;

/// <summary>
/// Adaptive federated optimisation (Reddi et al., 2021): the FedAvg result minus the current model
/// is a pseudo-gradient Δ that a server optimiser applies: m ← β₁m + (1−β₁)Δ, v updated by the
/// variant, x ← x + η·m/(√v + τ). The moments are the strategy's state; a round grain persists
/// them through <see cref="State"/>.
/// </summary>
public abstract class FedOpt : FedAvg
{
    /// <summary>Creates the optimiser.</summary>
    protected FedOpt(ServerOptimizerOptions? options, SamplingOptions? sampling)
        : base(sampling)
    {
        Options = options ?? new ServerOptimizerOptions();
        if (Options.ServerLearningRate <= 0 || Options.Tau <= 0 || Options.Beta1 is < 0 or >= 1 || Options.Beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Need η > 0, τ > 0, and β₁, β₂ in [0, 1).");
        }
    }

    /// <summary>The optimiser's hyper-parameters.</summary>
    public ServerOptimizerOptions Options { get; }

    /// <summary>First and second moments; null before the first aggregation. Restore it to resume.</summary>
    public (float[] M, float[] V)? State { get; set; }

    /// <inheritdoc />
    protected sealed override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        var delta = WeightedMean(updates, current.Length, rejected, out keptBecause);
        if (delta is null)
        {
            return null;
        }

        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] -= current[i];
        }

        if (State is not { } state || state.M.Length != current.Length)
        {
            var v = new float[current.Length];
            Array.Fill(v, (float)(Options.Tau * Options.Tau));
            state = (new float[current.Length], v);
        }

        var (m, second) = state;
        float b1 = (float)Options.Beta1, eta = (float)Options.ServerLearningRate, tau = (float)Options.Tau;
        var next = new float[current.Length];
        for (var i = 0; i < next.Length; i++)
        {
            var d = delta[i];
            m[i] = b1 * m[i] + (1 - b1) * d;
            second[i] = UpdateSecondMoment(second[i], d * d);
            next[i] = current[i] + eta * m[i] / (MathF.Sqrt(second[i]) + tau);
        }

        State = (m, second);
        return next;
    }

    /// <summary>The variant's rule for v given the squared pseudo-gradient.</summary>
    protected abstract float UpdateSecondMoment(float v, float squaredDelta);
}
