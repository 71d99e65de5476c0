namespace OrleansAI.Federation.Tests.Verification;

/// <summary>
/// The consensus rules written as literally as possible (LINQ over rows, an explicit count per
/// replica), sharing nothing with the library, to check it against.
/// </summary>
internal static class NaiveConsensus
{
    public static bool Agree(float[] a, float[] b, int rows, ComparisonKind kind, double tolerance)
    {
        if (a.Length != b.Length || a.Length == 0 || a.Length % rows != 0)
        {
            return false;
        }

        if (kind == ComparisonKind.MaxAbs)
        {
            return a.Zip(b).All(p => p.First == p.Second || Math.Abs((double)p.First - p.Second) <= tolerance);
        }

        var decisionsA = Decisions(a, rows);
        var decisionsB = Decisions(b, rows);
        return decisionsA is not null && decisionsB is not null && decisionsA.SequenceEqual(decisionsB);
    }

    public static (int? Winner, int[] Majority, int[] Dissenters) Decide(float[][] outputs, int rows, ComparisonKind kind, double tolerance)
    {
        var n = outputs.Length;
        var counts = Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, n).Count(j => j != i && Agree(outputs[i], outputs[j], rows, kind, tolerance)))
            .ToArray();
        var winner = Array.IndexOf(counts, counts.Max());
        var majority = Enumerable.Range(0, n).Where(i => i == winner || Agree(outputs[winner], outputs[i], rows, kind, tolerance)).ToArray();
        if (majority.Length <= n / 2)
        {
            return (null, [], []);
        }

        return (winner, majority, [.. Enumerable.Range(0, n).Except(majority)]);
    }

    private static int[]? Decisions(float[] values, int rows)
    {
        var cols = values.Length / rows;
        var rowsOfValues = values.Chunk(cols).ToArray();
        if (rowsOfValues.Any(row => row.Any(float.IsNaN)))
        {
            return null;
        }

        return [.. rowsOfValues.Select(row => Array.IndexOf(row, row.Max()))];
    }
}
