namespace OrleansAI.Federation.Verification;

/// <summary>
/// Decides whether two replicas' outputs agree. Each output is a row-major [rows, cols] tensor with
/// cols = length / rows; outputs of different lengths, of a length not divisible by the rows, or
/// empty agree with nothing, because a replica that returned the wrong shape cannot be vouched for.
/// </summary>
/// <param name="Kind">The comparison applied.</param>
/// <param name="Tolerance">
/// Largest absolute difference allowed per element by <see cref="ComparisonKind.MaxAbs"/>; ignored by
/// <see cref="ComparisonKind.Argmax"/>. Must be finite and non-negative.
/// </param>
public sealed record ComparisonRule(ComparisonKind Kind, double Tolerance = 0)
{
    /// <summary>The comparison applied.</summary>
    public ComparisonKind Kind
    {
        get;
        init => field = Validated(value);
    } = Validated(Kind);

    /// <summary>Largest absolute difference allowed per element (finite, non-negative).</summary>
    public double Tolerance
    {
        get;
        init => field = Validated(value);
    } = Validated(Tolerance);

    /// <summary>Agreement on each row's argmax: what matters for a classifier.</summary>
    public static ComparisonRule Classifier { get; } = new(ComparisonKind.Argmax);

    /// <summary>Element-wise agreement within <paramref name="tolerance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative, infinite or NaN.</exception>
    public static ComparisonRule Within(double tolerance) => new(ComparisonKind.MaxAbs, tolerance);

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/>, both [<paramref name="rows"/>, cols] tensors,
    /// agree under this rule. Argmax ties go to the lowest index, and a NaN anywhere in a row makes
    /// the output agree with nothing (not even itself): a NaN row has no meaningful decision. Under
    /// MaxAbs a NaN never agrees, and equal infinities agree because they are the same value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is not positive.</exception>
    public bool Agree(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        if (!Shaped(a.Length, b.Length, rows))
        {
            return false;
        }

        return Kind switch
        {
            ComparisonKind.Argmax => SameArgmax(a, b, rows),
            ComparisonKind.MaxAbs => WithinTolerance(a, b, Tolerance),
            _ => throw new InvalidOperationException($"Unknown comparison kind {Kind}."),
        };
    }

    internal static bool Shaped(int lengthA, int lengthB, int rows) =>
        lengthA == lengthB && lengthA > 0 && lengthA % rows == 0;

    /// <summary>Each row's argmax, or null when a row holds a NaN. The length must be a positive multiple of rows.</summary>
    internal static int[]? RowArgmax(ReadOnlySpan<float> values, int rows)
    {
        var cols = values.Length / rows;
        var result = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var index = Argmax(values.Slice(r * cols, cols));
            if (index < 0)
            {
                return null;
            }

            result[r] = index;
        }

        return result;
    }

    private static bool SameArgmax(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int rows)
    {
        var cols = a.Length / rows;
        for (var r = 0; r < rows; r++)
        {
            var left = Argmax(a.Slice(r * cols, cols));
            if (left < 0 || left != Argmax(b.Slice(r * cols, cols)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Index of the first maximum, or −1 when the row holds a NaN.</summary>
    private static int Argmax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (float.IsNaN(row[i]))
            {
                return -1;
            }

            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static bool WithinTolerance(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double tolerance)
    {
        for (var i = 0; i < a.Length; i++)
        {
            // Equality first so that equal infinities agree (their difference is NaN); a NaN fails both tests.
            // The difference is taken in double so that it is exact and cannot overflow.
            if (a[i] != b[i] && !(Math.Abs((double)a[i] - b[i]) <= tolerance))
            {
                return false;
            }
        }

        return true;
    }

    private static ComparisonKind Validated(ComparisonKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown comparison kind.");

    private static double Validated(double tolerance)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be finite and non-negative.");
        }

        return tolerance;
    }
}
