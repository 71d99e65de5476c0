namespace OrleansAI.Learning.Data;

/// <summary>
/// The contents of one IDX file: its dimensions and its unsigned-byte elements in row-major order.
/// Kept as raw bytes so the caller decides how to scale them (images to [0, 1], labels to ints).
/// </summary>
public sealed class IdxArray
{
    /// <summary>Wraps <paramref name="data"/>, which must hold exactly the product of <paramref name="dimensions"/> elements.</summary>
    public IdxArray(IReadOnlyList<int> dimensions, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (dimensions.Count == 0 || dimensions.Any(d => d <= 0))
        {
            throw new ArgumentException("An IDX array needs at least one dimension, all positive.", nameof(dimensions));
        }

        var elements = dimensions.Aggregate(1L, (product, d) => checked(product * d));
        if (elements != data.Length)
        {
            throw new ArgumentException($"Dimensions [{string.Join(", ", dimensions)}] need {elements} elements, got {data.Length}.", nameof(data));
        }

        Dimensions = [.. dimensions];
        Data = data;
    }

    /// <summary>Size of each dimension, outermost first (for an image file: count, rows, columns).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>All elements, row-major.</summary>
    public byte[] Data { get; }

    /// <summary>Size of the outermost dimension: the number of items (images, labels) in the file.</summary>
    public int Count => Dimensions[0];
}
