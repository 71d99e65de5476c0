namespace OrleansAI.Federation.Privacy;

/// <summary>
/// From RDP to (ε, δ)-DP. A mechanism with RDP ρ at order α is (ε, δ)-DP with
/// ε = ρ − (log δ + log α)/(α − 1) + log((α − 1)/α), the conversion of Balle et al.,
/// "Hypothesis Testing Interpretations and Rényi Differential Privacy" (AISTATS 2020, Theorem 21),
/// which is tighter than the classic ρ + log(1/δ)/(α − 1) by about log(α)/(α − 1). Every order
/// gives a valid bound, so the smallest is taken.
/// </summary>
public static class RdpConversion
{
    /// <summary>The smallest ε over <paramref name="orders"/> for the RDP values <paramref name="rdp"/> at <paramref name="delta"/>.</summary>
    /// <param name="orders">The orders α, each &gt; 1.</param>
    /// <param name="rdp">The RDP at each order (same length), ≥ 0, possibly +∞.</param>
    /// <param name="delta">δ in (0, 1).</param>
    public static PrivacySpent ToEpsilon(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rdp);
        if (orders.Count != rdp.Count)
        {
            throw new ArgumentException($"{orders.Count} orders but {rdp.Count} RDP values.", nameof(rdp));
        }

        if (double.IsNaN(delta) || delta <= 0 || delta >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must lie in (0, 1).");
        }

        var best = new PrivacySpent(double.PositiveInfinity, double.NaN);
        var logDelta = Math.Log(delta);
        for (var k = 0; k < orders.Count; k++)
        {
            var alpha = orders[k];
            if (double.IsNaN(alpha) || alpha <= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(orders), alpha, "RDP orders must be greater than 1.");
            }

            if (double.IsNaN(rdp[k]) || rdp[k] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rdp), rdp[k], "RDP values must be non-negative.");
            }

            // Zero divergence at an order > 1 means the two output distributions are equal (no
            // steps, or nobody sampled): nothing was released, whatever δ, though the formula would
            // leave a small ε > 0. Only an exact zero counts: a tiny computed value may be rounding.
            var epsilon = rdp[k] == 0
                ? 0
                : rdp[k] - (logDelta + Math.Log(alpha)) / (alpha - 1) + LogMath.Log1P(-1 / alpha);
            // A negative bound implies ε = 0 as well (ε-DP is monotone in ε).
            epsilon = Math.Max(0, epsilon);
            // Strictly smaller, so ties keep the first (smallest) order, as the reference code does.
            if (epsilon < best.Epsilon)
            {
                best = new PrivacySpent(epsilon, alpha);
            }
        }

        return best;
    }
}
