namespace OrleansAI.Federation.Robust;

/// <summary>
/// Krum and Multi-Krum (Blanchard et al., 2017). Each update is scored by the sum of squared
/// distances to its n − f − 2 nearest neighbours; Krum keeps the single best-scored update,
/// Multi-Krum averages the m best (example-weighted). The guarantee needs n &gt; 2f + 2, so fewer
/// results keep the current model rather than pretend to be robust.
/// </summary>
public sealed class Krum : StrategyBase
{
    /// <summary>Creates Krum (<paramref name="selected"/> = 1) or Multi-Krum (selected &gt; 1; null means n − f).</summary>
    public Krum(int byzantine, int? selected = 1, SamplingOptions? sampling = null)
        : base(sampling ?? new SamplingOptions())
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byzantine);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(byzantine, MaxByzantine);
        if (selected is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(selected), selected, "At least one update must be selected.");
        }

        Byzantine = byzantine;
        Selected = selected;
    }

    /// <summary>Largest f accepted: far beyond any round, and small enough that 2f + 3 cannot overflow.</summary>
    public const int MaxByzantine = 1_000_000;

    /// <summary>Number of Byzantine clients tolerated, f.</summary>
    public int Byzantine { get; }

    /// <summary>Updates averaged: 1 for Krum, m for Multi-Krum, null for n − f.</summary>
    public int? Selected { get; }

    /// <inheritdoc />
    public override string Name => Selected == 1 ? "krum" : "multikrum";

    /// <summary>Fewest results Krum accepts for <see cref="Byzantine"/> attackers: 2f + 3.</summary>
    public int MinimumClients => 2 * Byzantine + 3;

    /// <summary>Throws when a round of <paramref name="clients"/> clients cannot satisfy n &gt; 2f + 2.</summary>
    public void ValidateConfiguration(int clients)
    {
        if (clients <= 2 * Byzantine + 2)
        {
            throw new ArgumentException($"Krum with f = {Byzantine} needs more than {2 * Byzantine + 2} clients per round, got {clients}.", nameof(clients));
        }
    }

    /// <summary>Krum scores of the vectors (lower is more central).</summary>
    public static double[] Scores(IReadOnlyList<float[]> vectors, int byzantine)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var n = vectors.Count;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distances[i, j] = distances[j, i] = Kernels.SquaredDistance(vectors[i], vectors[j]);
            }
        }

        var neighbours = n - byzantine - 2;
        var scores = new double[n];
        var row = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            var k = 0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    row[k++] = distances[i, j];
                }
            }

            Array.Sort(row);
            scores[i] = row.AsSpan(0, neighbours).ToArray().Sum();
        }

        return scores;
    }

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        var n = updates.Count;
        if (n <= 2 * Byzantine + 2)
        {
            keptBecause = $"Krum with f = {Byzantine} needs more than {2 * Byzantine + 2} results, got {n}";
            return null;
        }

        keptBecause = null;
        var scores = Scores([.. updates.Select(u => u.Parameters)], Byzantine);
        var take = Math.Min(Selected ?? n - Byzantine, n);
        // Ties break by client id so the choice does not depend on arrival order.
        var ranked = Enumerable.Range(0, n).OrderBy(i => scores[i]).ThenBy(i => updates[i].ClientId, StringComparer.Ordinal).ToArray();
        foreach (var i in ranked[take..])
        {
            rejected.Add(new RejectedUpdate(updates[i].ClientId, $"Krum score {scores[i]:G4} outside the {take} most central"));
        }

        var chosen = ranked[..take].Select(i => updates[i]).ToArray();
        var result = new float[current.Length];
        Kernels.WeightedSum([.. chosen.Select(u => u.Parameters)], ExampleWeights(chosen), result);
        return result;
    }
}
