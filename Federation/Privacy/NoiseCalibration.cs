namespace OrleansAI.Federation.Privacy;

/// <summary>
/// From a privacy budget to the mechanism's parameters: the noise a planned run needs, and how
/// many steps a given noise allows.
/// </summary>
public static class NoiseCalibration
{
    /// <summary>The default bisection tolerance on σ (absolute).</summary>
    public const double DefaultTolerance = 1e-4;

    /// <summary>
    /// σ above which no target is deemed reachable: such noise swamps any clipped update, and the
    /// RDP series, computed in doubles, nears its rounding floor there (about 1e-4 relative at 1e4).
    /// </summary>
    public const double MaxNoiseMultiplier = 1e4;

    /// <summary>
    /// The smallest noise multiplier, to within <paramref name="tolerance"/>, for which
    /// <paramref name="steps"/> steps at sampling rate <paramref name="sampleRate"/> are
    /// (<paramref name="targetEpsilon"/>, <paramref name="delta"/>)-DP. The result σ satisfies
    /// ε(σ) ≤ target and ε(σ − tolerance) &gt; target (ε falls as σ grows), so it errs on the
    /// private side. 0 when the steps cost nothing (q = 0 or no steps).
    /// </summary>
    /// <exception cref="ArgumentException">No σ up to <see cref="MaxNoiseMultiplier"/> meets the target (δ or ε too small for the orders).</exception>
    public static double NoiseMultiplier(
        double targetEpsilon, double delta, double sampleRate, long steps, double tolerance = DefaultTolerance, IReadOnlyList<double>? orders = null)
    {
        if (double.IsNaN(targetEpsilon) || targetEpsilon < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, "The target ε must be non-negative.");
        }

        if (double.IsNaN(tolerance) || tolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        SampledGaussianRdp.Validate(sampleRate, 1);
        orders ??= RdpOrders.Default;
        if (sampleRate == 0 || steps == 0)
        {
            return 0;
        }

        double Epsilon(double sigma) =>
            RdpConversion.ToEpsilon(orders, SampledGaussianRdp.Compute(sampleRate, sigma, steps, orders), delta).Epsilon;

        // Invariant: ε(low) > target ≥ ε(high). σ = 0 has ε = ∞, so low starts there.
        var low = 0.0;
        var high = 1.0;
        while (Epsilon(high) > targetEpsilon)
        {
            low = high;
            high *= 2;
            if (high > MaxNoiseMultiplier)
            {
                throw new ArgumentException(
                    $"No noise multiplier up to {MaxNoiseMultiplier} reaches ε = {targetEpsilon} at δ = {delta} over {steps} steps.", nameof(targetEpsilon));
            }
        }

        while (high - low > tolerance)
        {
            var mid = 0.5 * (low + high);
            if (Epsilon(mid) <= targetEpsilon)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    /// <summary>
    /// The most steps at (<paramref name="sampleRate"/>, <paramref name="noiseMultiplier"/>) that
    /// stay (<paramref name="epsilonBudget"/>, <paramref name="delta"/>)-DP from a fresh start;
    /// see <see cref="RdpAccountant.StepsWithin"/> to continue from a history.
    /// </summary>
    public static long MaxSteps(
        double noiseMultiplier, double sampleRate, double delta, double epsilonBudget, IReadOnlyList<double>? orders = null) =>
        new RdpAccountant(orders ?? RdpOrders.Default).StepsWithin(sampleRate, noiseMultiplier, delta, epsilonBudget);
}
