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
