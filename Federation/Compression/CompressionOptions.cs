namespace OrleansAI.Federation.Compression;

/// <summary>What a job asks providers to do to their updates before upload.</summary>
public sealed record CompressionOptions
{
    /// <summary>No compression: dense float32.</summary>
    public static CompressionOptions None { get; } = new();

    /// <summary>Share of values kept by top-k sparsification (e.g. 0.01); null keeps all.</summary>
    public double? TopKFraction { get; init; }

    /// <summary>Quantise values to int8 with stochastic rounding.</summary>
    public bool QuantizeToInt8 { get; init; }

    /// <summary>The wire encoding these options produce.</summary>
    public UpdateEncoding Encoding => (TopKFraction is not null, QuantizeToInt8) switch
    {
        (false, false) => UpdateEncoding.DenseFloat32,
        (true, false) => UpdateEncoding.SparseFloat32,
        (false, true) => UpdateEncoding.DenseInt8,
        (true, true) => UpdateEncoding.SparseInt8,
    };

    /// <summary>
    /// Parses a job's compression setting: <c>none</c>, <c>int8</c>, <c>topk:F</c> or <c>topk:F+int8</c>
    /// with F in (0, 1]. Throws <see cref="ArgumentException"/> naming the accepted forms.
    /// </summary>
    public static CompressionOptions Parse(string? value)
    {
        const string Forms = "'none', 'int8', 'topk:F' or 'topk:F+int8' with F in (0, 1]";
        switch (value)
        {
            case null or "" or "none":
                return None;
            case "int8":
                return new() { QuantizeToInt8 = true };
        }

        var int8 = value.EndsWith("+int8", StringComparison.Ordinal);
        var topk = int8 ? value[..^5] : value;
        if (!topk.StartsWith("topk:", StringComparison.Ordinal)
            || !double.TryParse(topk.AsSpan(5), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var fraction)
            || fraction is <= 0 or > 1 || double.IsNaN(fraction))
        {
            throw new ArgumentException($"Compression '{value}' is not one of {Forms}.", nameof(value));
        }

        return new() { TopKFraction = fraction, QuantizeToInt8 = int8 };
    }

    /// <summary>Values kept for a vector of <paramref name="length"/> (at least one).</summary>
    public int Keep(int length)
    {
        if (TopKFraction is not { } fraction)
        {
            return length;
        }

        if (fraction is <= 0 or > 1)
        {
            throw new InvalidOperationException($"The top-k fraction must be in (0, 1], got {fraction}.");
        }

        return Math.Clamp((int)Math.Ceiling(fraction * length), 1, length);
    }
}
