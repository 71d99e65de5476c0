namespace OrleansAI.Federation.Reputation;

/// <summary>How evidence about a provider turns into its reputation.</summary>
public sealed record ReputationOptions
{
    /// <summary>Evidence loses half its weight over this time, so old behaviour fades and a provider can recover.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Weight of the Beta score (outcomes of work) in the combined reputation.</summary>
    public double OutcomeWeight { get; init; } = 0.7;

    /// <summary>Weight of uptime.</summary>
    public double UptimeWeight { get; init; } = 0.2;

    /// <summary>Weight of timeliness (how early within their deadlines answers come).</summary>
    public double TimelinessWeight { get; init; } = 0.1;

    /// <summary>Smoothing of timeliness: the share a new observation takes.</summary>
    public double TimelinessSmoothing { get; init; } = 0.2;

    /// <summary>Lowest sampling weight: a provider at the bottom is still drawn now and then, so it can recover.</summary>
    public double SamplingFloor { get; init; } = 0.05;

    /// <summary>Fee multiplier at reputation 0.</summary>
    public double MinFeeMultiplier { get; init; } = 0.5;

    /// <summary>Fee multiplier at reputation 1.</summary>
    public double MaxFeeMultiplier { get; init; } = 1.5;

    /// <summary>The defaults.</summary>
    public static ReputationOptions Default { get; } = new();
}
