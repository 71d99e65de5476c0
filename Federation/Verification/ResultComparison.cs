namespace OrleansAI.Federation.Verification;

/// <summary>
/// Compares two results of the same training task. Runs that declare the same deterministic runtime
/// reproduce each other bit for bit, so any difference is a wrong answer; otherwise float rounding
/// differs between runtimes and the updates must only agree within a tolerance.
/// </summary>
public static class ResultComparison
{
    /// <summary>The token a runtime string carries when its runs are bit-reproducible.</summary>
    public const string DeterministicToken = "deterministic";

    /// <summary>Whether two declared runtimes let their results be compared bit for bit.</summary>
    public static bool IsBitwise(string runtimeA, string runtimeB) =>
        !string.IsNullOrEmpty(runtimeA) && string.Equals(runtimeA, runtimeB, StringComparison.Ordinal)
        && runtimeA.Split('/').Contains(DeterministicToken, StringComparer.Ordinal);

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/>, both trained from <paramref name="start"/>.</summary>
    public static ResultMatch Compare(ReadOnlySpan<float> start, ReplicaResult a, ReplicaResult b, TrainingTolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(tolerance);
        var bitwise = IsBitwise(a.Runtime, b.Runtime);
        var method = bitwise ? ComparisonMethod.Bitwise : ComparisonMethod.Tolerance;
        if (a.Parameters.Length != start.Length || b.Parameters.Length != start.Length)
        {
            return new ResultMatch(false, method, double.NaN, double.PositiveInfinity);
        }

        double dot = 0, normA = 0, normB = 0, maxAbs = 0;
        var identical = true;
        for (var i = 0; i < start.Length; i++)
        {
            float x = a.Parameters[i], y = b.Parameters[i];
            identical &= BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y);
            double dx = x - start[i], dy = y - start[i];
            dot += dx * dy;
            normA += dx * dx;
            normB += dy * dy;
            // NaN compares false everywhere: a non-finite result can never agree.
            var difference = Math.Abs((double)x - y);
            maxAbs = double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(maxAbs, difference);
        }

        var cosine = normA == 0 && normB == 0 ? 1 : normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
        if (!double.IsFinite(cosine))
        {
            cosine = double.NaN;
        }

        var agree = bitwise
            ? identical
            : cosine >= tolerance.MinCosine && maxAbs <= tolerance.MaxAbsDifference;
        return new ResultMatch(agree, method, cosine, maxAbs);
    }
}
