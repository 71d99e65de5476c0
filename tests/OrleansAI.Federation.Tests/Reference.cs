using OrleansAI.Federation;

namespace OrleansAI.Federation.Tests;

/// <summary>
/// Naive double-precision versions of the aggregation rules, written from the papers' formulas
/// with loops and sorting and nothing shared with the library, to check it against.
/// </summary>
internal static class Reference
{
    public static double[] WeightedMean(IReadOnlyList<ClientUpdate> updates)
    {
        var total = updates.Sum(u => (double)u.Examples);
        var result = new double[updates[0].Parameters.Length];
        foreach (var u in updates)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] += u.Parameters[i] * (u.Examples / total);
            }
        }

        return result;
    }

    public static double[] Median(IReadOnlyList<ClientUpdate> updates) => Coordinate(updates, column =>
    {
        var n = column.Length;
        return n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    });

    public static double[] TrimmedMean(IReadOnlyList<ClientUpdate> updates, double beta)
    {
        var trim = (int)Math.Floor(beta * updates.Count);
        return Coordinate(updates, column => column.Skip(trim).Take(column.Length - 2 * trim).Average());
    }

    public static double[] KrumScores(IReadOnlyList<ClientUpdate> updates, int f)
    {
        var n = updates.Count;
        return [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n)
            .Where(j => j != i)
            .Select(j => updates[i].Parameters.Zip(updates[j].Parameters, (a, b) => ((double)a - b) * ((double)a - b)).Sum())
            .Order()
            .Take(n - f - 2)
            .Sum())];
    }

    public static double[] Clipped(float[] current, IReadOnlyList<ClientUpdate> updates, double clip)
    {
        var total = updates.Sum(u => (double)u.Examples);
        var result = current.Select(v => (double)v).ToArray();
        foreach (var u in updates)
        {
            var delta = u.Parameters.Zip(current, (a, b) => (double)a - b).ToArray();
            var norm = Math.Sqrt(delta.Sum(d => d * d));
            var scale = norm > clip ? clip / norm : 1;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] += u.Examples / total * scale * delta[i];
            }
        }

        return result;
    }

    private static double[] Coordinate(IReadOnlyList<ClientUpdate> updates, Func<double[], double> reduce)
    {
        var result = new double[updates[0].Parameters.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = reduce([.. updates.Select(u => (double)u.Parameters[i]).Order()]);
        }

        return result;
    }
}
