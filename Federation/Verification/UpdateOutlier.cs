namespace OrleansAI.Federation.Verification;

/// <summary>One update's place relative to its round.</summary>
/// <param name="ClientId">Who sent it.</param>
/// <param name="Cosine">Cosine similarity of its change to the coordinate-wise median change.</param>
/// <param name="NormRatio">Its change's length over the median length of all changes.</param>
/// <param name="Reason">Why it is an outlier, or null when it is not.</param>
public sealed record UpdateOutlier(string ClientId, double Cosine, double NormRatio, string? Reason)
{
    /// <summary>Whether it is an outlier.</summary>
    public bool IsOutlier => Reason is not null;
}
