namespace OrleansAI.Federation;

/// <summary>
/// What a round's aggregation decided: a new global model, or keeping the current one (too few
/// usable results, too many failures). Both say which updates were used and which were refused.
/// </summary>
public sealed record AggregationOutcome
{
    private AggregationOutcome(float[]? parameters, string? keptBecause, IReadOnlyList<string> used, IReadOnlyList<RejectedUpdate> rejected)
    {
        Parameters = parameters;
        KeptBecause = keptBecause;
        Used = used;
        Rejected = rejected;
    }

    /// <summary>The new global parameters, or null when the current model is kept.</summary>
    public float[]? Parameters { get; }

    /// <summary>Why the current model is kept; null when there is a new model.</summary>
    public string? KeptBecause { get; }

    /// <summary>Clients whose updates shaped the result.</summary>
    public IReadOnlyList<string> Used { get; }

    /// <summary>Updates left out, with reasons.</summary>
    public IReadOnlyList<RejectedUpdate> Rejected { get; }

    /// <summary>True when the round produced a new model.</summary>
    public bool HasNewModel => Parameters is not null;

    /// <summary>A new global model.</summary>
    public static AggregationOutcome NewModel(float[] parameters, IReadOnlyList<string> used, IReadOnlyList<RejectedUpdate> rejected)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(parameters, null, used, rejected);
    }

    /// <summary>The current model stays; <paramref name="reason"/> says why.</summary>
    public static AggregationOutcome KeepCurrent(string reason, IReadOnlyList<RejectedUpdate> rejected) =>
        new(null, reason, [], rejected);
}
