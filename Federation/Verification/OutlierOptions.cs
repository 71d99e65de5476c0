namespace OrleansAI.Federation.Verification;

/// <summary>
/// When a federated update is an outlier. Providers' data differ (non-IID), so honest updates
/// disagree a lot; the bounds only catch updates no honest training produces: pointing against the
/// round's robust centre, or many times longer or shorter than the typical update.
/// </summary>
public sealed record OutlierOptions
{
    /// <summary>Fewest updates that make a centre worth comparing against.</summary>
    public int MinUpdates { get; init; } = 3;

    /// <summary>Below this cosine similarity to the coordinate-wise median change, an update points the wrong way.</summary>
    public double MinCosine { get; init; }

    /// <summary>An update more than this many times the median change's length is inflated.</summary>
    public double MaxNormRatio { get; init; } = 5;

    /// <summary>
    /// An update whose cosine to the centre lies more than this many robust deviations (median
    /// absolute deviation, at least <see cref="MinCosineSpread"/>) below the round's median cosine,
    /// and below half of it, points away from everyone else.
    /// </summary>
    public double MaxCosineDeviations { get; init; } = 4;

    /// <summary>Smallest spread assumed for the cosines, so a round of near-identical updates does not make every small difference an outlier.</summary>
    public double MinCosineSpread { get; init; } = 0.1;

    /// <summary>An update shorter than this share of the median length did (almost) no work.</summary>
    public double MinNormRatio { get; init; } = 0.05;

    /// <summary>The defaults.</summary>
    public static OutlierOptions Default { get; } = new();
}
