namespace OrleansAI.Federation.Compression;

/// <summary>
/// Stochastic int8 quantisation: with scale s = max|x|/127, each value becomes ⌊x/s + u⌋ for a
/// uniform u in [0, 1), so its expectation is exactly x/s — unbiased, unlike rounding to nearest.
/// </summary>
public static class StochasticQuantizer
{
    /// <summary>Quantises <paramref name="values"/> into <paramref name="destination"/>; returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> values, Span<sbyte> destination, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (destination.Length != values.Length)
        {
            throw new ArgumentException("The destination must have one byte per value.", nameof(destination));
        }

        var max = 0f;
        foreach (var v in values)
        {
            max = MathF.Max(max, MathF.Abs(v));
        }

        if (max == 0)
        {
            destination.Clear();
            return 0;
        }

        var scale = max / 127f;
        for (var i = 0; i < values.Length; i++)
        {
            var q = MathF.Floor(values[i] / scale + random.NextSingle());
            destination[i] = (sbyte)Math.Clamp(q, -127, 127);
        }

        return scale;
    }
}
