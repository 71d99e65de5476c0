namespace OrleansAI.Federation.SecureAggregation;

/// <summary>One share of a secret: the polynomials' values at <paramref name="X"/>, byte by byte.</summary>
/// <param name="X">The share's point, 1-255 (0 is the secret itself).</param>
/// <param name="Y">One byte per byte of the secret.</param>
public sealed record ShamirShare(byte X, byte[] Y);
