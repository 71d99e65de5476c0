namespace OrleansAI.Federation.Verification;

/// <summary>The comparison of two training results, with the figures it was decided on (recorded as evidence).</summary>
/// <param name="Agree">Whether they agree.</param>
/// <param name="Method">Bitwise or within tolerance.</param>
/// <param name="Cosine">Cosine similarity of the two updates (1 when both are zero).</param>
/// <param name="MaxAbsDifference">Largest absolute difference of any parameter.</param>
public readonly record struct ResultMatch(bool Agree, ComparisonMethod Method, double Cosine, double MaxAbsDifference);
