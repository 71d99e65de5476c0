using System.Numerics;

namespace OrleansAI.Grains.Settlement;

/// <summary>
/// Splits a job's budget over the results that made its model, weighted by each provider's fee
/// multiplier (0.5 + reputation, docs/verification.md): at equal reputation every result earns the
/// same, a provider with a better record earns more of the same budget. Amounts are rounded down,
/// so the total never exceeds the budget.
/// </summary>
public static class PayoutSplit
{
    /// <summary>The payment of each contribution, in order.</summary>
    /// <param name="budget">What the escrow holds for the providers, in the token's smallest unit.</param>
    /// <param name="contributions">Each paid result: its task and provider.</param>
    /// <param name="multiplier">A provider's fee multiplier; values that are not positive and finite count as 1.</param>
    public static IReadOnlyList<TaskPayment> Split(BigInteger budget, IReadOnlyList<(string TaskId, string Provider)> contributions, Func<string, double> multiplier)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        ArgumentNullException.ThrowIfNull(multiplier);
        if (contributions.Count == 0 || budget <= 0)
        {
            return [];
        }

        // Weights in millionths keep the arithmetic exact in integers.
        var weights = contributions.Select(c => multiplier(c.Provider) is var m && double.IsFinite(m) && m > 0 ? new BigInteger(Math.Round(m * 1_000_000)) : 1_000_000).ToArray();
        var total = weights.Aggregate(BigInteger.Zero, (a, w) => a + w);
        return [.. contributions.Select((c, i) => new TaskPayment(c.TaskId, c.Provider, (budget * weights[i] / total).ToString(CultureInfo.InvariantCulture)))];
    }
}
