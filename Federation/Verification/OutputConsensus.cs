namespace OrleansAI.Federation.Verification;

/// <summary>
/// Majority vote over replicas of one computation: picks an output that a strict majority of the
/// replicas agree with, and names the dissenters, so that a lying or faulty node is outvoted.
/// </summary>
public static class OutputConsensus
{
    /// <summary>
    /// Decides which replica's output to trust. Agreement within a tolerance is not transitive, so
    /// rather than forming groups the winner is the replica agreeing with the most others (ties to the
    /// lowest index), and the majority is the winner with those agreeing with it. Fewer than a strict
    /// majority (|majority| × 2 ≤ n) leaves the outcome unresolved, with no winner and no one blamed:
    /// without a majority there is no way to tell who lied. A single replica wins by default.
    /// </summary>
    /// <param name="outputs">One row-major [rows, cols] output per replica.</param>
    /// <param name="rows">Rows of every output (the batch size).</param>
    /// <param name="rule">How two outputs are compared.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is not positive.</exception>
    public static ConsensusOutcome Decide(IReadOnlyList<ReadOnlyMemory<float>> outputs, int rows, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var n = outputs.Count;
        if (n == 0)
        {
            throw new ArgumentException("At least one output is needed.", nameof(outputs));
        }

        var agree = Agreement(outputs, rows, rule);
        var winner = 0;
        var best = -1;
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                if (j != i && agree[i, j])
                {
                    count++;
                }
            }

            if (count > best)
            {
                best = count;
                winner = i;
            }
        }

        var majority = new List<int>(best + 1);
        var dissenters = new List<int>(n - best - 1);
        for (var i = 0; i < n; i++)
        {
            (i == winner || agree[winner, i] ? majority : dissenters).Add(i);
        }

        return majority.Count * 2 > n
            ? new ConsensusOutcome(winner, majority, dissenters)
            : new ConsensusOutcome(null, [], []);
    }

    private static bool[,] Agreement(IReadOnlyList<ReadOnlyMemory<float>> outputs, int rows, ComparisonRule rule)
    {
        var n = outputs.Count;
        var agree = new bool[n, n];

        // Argmax compares each pair of decisions; computing every replica's decisions once keeps it
        // linear in the data rather than quadratic.
        int[]?[]? argmax = null;
        if (rule.Kind == ComparisonKind.Argmax)
        {
            argmax = new int[]?[n];
            for (var i = 0; i < n; i++)
            {
                var span = outputs[i].Span;
                argmax[i] = ComparisonRule.Shaped(span.Length, span.Length, rows) ? ComparisonRule.RowArgmax(span, rows) : null;
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                agree[i, j] = agree[j, i] = argmax is null
                    ? rule.Agree(outputs[i].Span, outputs[j].Span, rows)
                    : outputs[i].Length == outputs[j].Length && argmax[i] is { } a && argmax[j] is { } b && a.AsSpan().SequenceEqual(b);
            }
        }

        return agree;
    }
}
