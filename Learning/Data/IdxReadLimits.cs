namespace OrleansAI.Learning.Data;

/// <summary>
/// Bounds an IDX header may declare before <see cref="IdxReader"/> refuses it. A corrupt or hostile
/// header can claim billions of elements; checking it against these limits before allocating keeps a
/// bad file from exhausting memory instead of failing with a clear message.
/// </summary>
/// <param name="MaxDimensions">Most dimensions a file may declare (Fashion-MNIST images need 3).</param>
/// <param name="MaxElements">Most elements (product of all dimensions) a file may declare.</param>
public sealed record IdxReadLimits(int MaxDimensions = 8, long MaxElements = 64L * 1024 * 1024)
{
    /// <summary>Limits that admit every MNIST-family file (the largest, 60,000 images of 28×28, is about 47 million bytes).</summary>
    public static IdxReadLimits Default { get; } = new();
}
