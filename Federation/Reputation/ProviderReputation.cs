namespace OrleansAI.Federation.Reputation;

/// <summary>
/// A provider's reputation: Beta(1 + successes, 1 + failures) evidence about its work, uptime and
/// timeliness, each decaying with <see cref="ReputationOptions.HalfLife"/>, combined into [0, 1].
/// Immutable and clock-free: every method takes the time it applies at.
/// </summary>
/// <param name="Successes">Decayed successes.</param>
/// <param name="Failures">Decayed failures.</param>
/// <param name="OnlineSeconds">Decayed seconds seen online.</param>
/// <param name="ObservedSeconds">Decayed seconds observed (online or not).</param>
/// <param name="Timeliness">Smoothed timeliness in [0, 1]: 1 answers at once, 0 at the deadline.</param>
/// <param name="AsOf">When the decayed values were last brought up to date.</param>
public readonly record struct ProviderReputation(double Successes, double Failures, double OnlineSeconds, double ObservedSeconds, double Timeliness, DateTimeOffset AsOf)
{
    /// <summary>A provider nothing is known about yet: an even Beta score, full uptime and timeliness.</summary>
    public static ProviderReputation New(DateTimeOffset now) => new(0, 0, 0, 0, 1, now);

    /// <summary>The Beta score: the posterior mean (1 + successes) / (2 + successes + failures).</summary>
    public double OutcomeScore => (1 + Successes) / (2 + Successes + Failures);

    /// <summary>Share of observed time online; 1 before anything was observed.</summary>
    public double Uptime => ObservedSeconds <= 0 ? 1 : Math.Clamp(OnlineSeconds / ObservedSeconds, 0, 1);

    /// <summary>The combined reputation in [0, 1].</summary>
    public double Score(ReputationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = options.OutcomeWeight + options.UptimeWeight + options.TimelinessWeight;
        return total <= 0 ? OutcomeScore
            : Math.Clamp((options.OutcomeWeight * OutcomeScore + options.UptimeWeight * Uptime + options.TimelinessWeight * Timeliness) / total, 0, 1);
    }

    /// <summary>The weight sampling gives the provider: its score, never below the floor.</summary>
    public double SamplingWeight(ReputationOptions options) => Math.Max(options?.SamplingFloor ?? 0, Score(options!));

    /// <summary>The fee multiplier its reputation earns, between the options' bounds.</summary>
    public double FeeMultiplier(ReputationOptions options) =>
        options.MinFeeMultiplier + (options.MaxFeeMultiplier - options.MinFeeMultiplier) * Score(options);

    /// <summary>The values decayed to <paramref name="now"/> (a time before <see cref="AsOf"/> decays nothing).</summary>
    public ProviderReputation DecayedTo(DateTimeOffset now, ReputationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var elapsed = now - AsOf;
        if (elapsed <= TimeSpan.Zero)
        {
            return this;
        }

        var factor = Math.Pow(0.5, elapsed / options.HalfLife);
        return new(Successes * factor, Failures * factor, OnlineSeconds * factor, ObservedSeconds * factor, Timeliness, now);
    }

    /// <summary>Adds outcome evidence at <paramref name="now"/>.</summary>
    public ProviderReputation Observe((double Successes, double Failures) evidence, DateTimeOffset now, ReputationOptions options)
    {
        if (evidence.Successes < 0 || evidence.Failures < 0 || !double.IsFinite(evidence.Successes) || !double.IsFinite(evidence.Failures))
        {
            throw new ArgumentOutOfRangeException(nameof(evidence), "Evidence counts are finite and not negative.");
        }

        var d = DecayedTo(now, options);
        return d with { Successes = d.Successes + evidence.Successes, Failures = d.Failures + evidence.Failures };
    }

    /// <summary>
    /// Takes back evidence observed at <paramref name="observedAt"/> (an overturned verdict): what is
    /// left of it after decay is removed, never more than is there.
    /// </summary>
    public ProviderReputation Retract((double Successes, double Failures) evidence, DateTimeOffset observedAt, DateTimeOffset now, ReputationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = DecayedTo(now, options);
        var age = now - observedAt;
        var factor = age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age / options.HalfLife);
        return d with
        {
            Successes = Math.Max(0, d.Successes - evidence.Successes * factor),
            Failures = Math.Max(0, d.Failures - evidence.Failures * factor),
        };
    }

    /// <summary>Adds a stretch of observed time, online or not, ending at <paramref name="now"/>.</summary>
    public ProviderReputation ObserveTime(TimeSpan duration, bool online, DateTimeOffset now, ReputationOptions options)
    {
        if (duration <= TimeSpan.Zero)
        {
            return DecayedTo(now, options);
        }

        var d = DecayedTo(now, options);
        var seconds = duration.TotalSeconds;
        return d with { OnlineSeconds = d.OnlineSeconds + (online ? seconds : 0), ObservedSeconds = d.ObservedSeconds + seconds };
    }

    /// <summary>Records an answer that took <paramref name="took"/> of an allowed <paramref name="allowed"/>.</summary>
    public ProviderReputation ObserveTimeliness(TimeSpan took, TimeSpan allowed, DateTimeOffset now, ReputationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = DecayedTo(now, options);
        var sample = allowed <= TimeSpan.Zero ? 0 : Math.Clamp(1 - took / allowed, 0, 1);
        return d with { Timeliness = d.Timeliness + options.TimelinessSmoothing * (sample - d.Timeliness) };
    }
}
