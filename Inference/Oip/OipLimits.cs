namespace OrleansAI.Inference.Oip;

/// <summary>
/// Bounds on what a request may ask of the server, checked while reading so that a hostile body
/// cannot make it allocate or recurse without limit.
/// </summary>
/// <param name="MaxInputs">Most inputs (and most requested outputs) in one request.</param>
/// <param name="MaxElements">Most tensor elements in one input and in all inputs together.</param>
/// <param name="MaxRank">Most dimensions in a shape.</param>
/// <param name="MaxNameLength">Longest tensor name, in characters.</param>
/// <param name="MaxDepth">Deepest JSON nesting, counting the body object itself.</param>
public sealed record OipLimits(int MaxInputs = 16, long MaxElements = 4_000_000, int MaxRank = 8, int MaxNameLength = 256, int MaxDepth = 64)
{
    /// <summary>The defaults: 16 inputs, 4,000,000 elements, rank 8, names of 256 characters, depth 64.</summary>
    public static OipLimits Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxInputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxElements);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRank);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNameLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
    }
}
