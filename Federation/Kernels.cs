using System.Numerics.Tensors;

namespace OrleansAI.Federation;

/// <summary>Vectorised building blocks the strategies share.</summary>
public static class Kernels
{
    /// <summary>
    /// Σ wᵢ·vᵢ into <paramref name="destination"/> (overwritten). Works block by block so the
    /// partial sums stay in cache and each input vector is read from memory exactly once.
    /// </summary>
    public static void WeightedSum(IReadOnlyList<float[]> vectors, ReadOnlySpan<float> weights, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != weights.Length || vectors.Count == 0)
        {
            throw new ArgumentException($"{vectors.Count} vectors but {weights.Length} weights.", nameof(weights));
        }

        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != destination.Length)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} values; expected {destination.Length}.", nameof(vectors));
            }
        }

        const int block = 32768; // 128 KiB of partial sums: stays in L1/L2 while every vector streams past.
        for (var start = 0; start < destination.Length; start += block)
        {
            var width = Math.Min(block, destination.Length - start);
            var target = destination.Slice(start, width);
            TensorPrimitives.Multiply(vectors[0].AsSpan(start, width), weights[0], target);
            for (var i = 1; i < vectors.Count; i++)
            {
                TensorPrimitives.MultiplyAdd(vectors[i].AsSpan(start, width), weights[i], target, target);
            }
        }
    }

    /// <summary>Squared Euclidean distance.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var d = (double)TensorPrimitives.Distance(a, b);
        return d * d;
    }

    /// <summary>
    /// Applies <paramref name="reduce"/> to the sorted values of each coordinate across
    /// <paramref name="vectors"/>. Coordinates are gathered in cache-sized blocks so each vector is
    /// read sequentially, and blocks run on all cores: sorting every column is the costly part of
    /// the robust rules, and blocks share nothing. <paramref name="reduce"/> must be pure.
    /// </summary>
    public static void CoordinateWise(IReadOnlyList<float[]> vectors, float[] destination, Func<ReadOnlySpan<float>, float> reduce)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(reduce);
        var n = vectors.Count;
        if (n == 0)
        {
            throw new ArgumentException("No vectors to reduce.", nameof(vectors));
        }

        const int block = 1024;
        var blocks = (destination.Length + block - 1) / block;
        Parallel.For(0, blocks, b =>
        {
            var scratch = System.Buffers.ArrayPool<float>.Shared.Rent(block * n);
            try
            {
                var start = b * block;
                var width = Math.Min(block, destination.Length - start);
                for (var i = 0; i < n; i++)
                {
                    var source = vectors[i].AsSpan(start, width);
                    for (var c = 0; c < width; c++)
                    {
                        scratch[c * n + i] = source[c];
                    }
                }

                for (var c = 0; c < width; c++)
                {
                    var column = scratch.AsSpan(c * n, n);
                    column.Sort();
                    destination[start + c] = reduce(column);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<float>.Shared.Return(scratch);
            }
        });
    }
}
