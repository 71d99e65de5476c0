namespace OrleansAI.Federation;

/// <summary>An update the strategy refused to aggregate, and why (wrong length, NaN, filtered as an outlier).</summary>
/// <param name="ClientId">Whose update.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record RejectedUpdate(string ClientId, string Reason);
