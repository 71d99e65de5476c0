namespace OrleansAI.Federation.Compression;

/// <summary>Selection of the k largest-magnitude positions of a vector.</summary>
public static class TopK
{
    /// <summary>The positions of the <paramref name="k"/> largest |values|, ascending; ties go to the lower position.</summary>
    public static int[] Select(ReadOnlySpan<float> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        k = Math.Min(k, values.Length);
        if (k == values.Length)
        {
            return [.. Enumerable.Range(0, values.Length)];
        }

        if (k == 0)
        {
            return [];
        }

        // Find the k-th largest magnitude by selection, then take everything above it and ties in order.
        var magnitudes = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            magnitudes[i] = MathF.Abs(values[i]);
        }

        var threshold = KthLargest(magnitudes, k);
        var above = 0;
        foreach (var v in values)
        {
            above += MathF.Abs(v) > threshold ? 1 : 0;
        }

        var ties = k - above;
        var result = new int[k];
        var n = 0;
        for (var i = 0; i < values.Length && n < k; i++)
        {
            var m = MathF.Abs(values[i]);
            if (m > threshold || (m == threshold && ties-- > 0))
            {
                result[n++] = i;
            }
        }

        return result;
    }

    private static float KthLargest(float[] a, int k)
    {
        // Iterative quickselect with a median-of-three pivot; 'a' is scratch.
        int lo = 0, hi = a.Length - 1, target = k - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var pivot = Median3(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] > pivot)
                {
                    i++;
                }

                while (a[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return a[target];
            }
        }

        return a[target];
    }

    private static float Median3(float a, float b, float c) => MathF.Max(MathF.Min(a, b), MathF.Min(MathF.Max(a, b), c));
}
