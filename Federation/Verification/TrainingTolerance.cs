namespace OrleansAI.Federation.Verification;

/// <summary>
/// How close two honest runs of the same training task on different runtimes (thread counts, BLAS
/// builds) land: the cosine between their updates (each result minus the task's starting weights)
/// must be at least <see cref="MinCosine"/> and no weight may differ by more than
/// <see cref="MaxAbsDifference"/>. The defaults come from the <c>calibrate</c> benchmark: honest
/// one- and two-thread runs of the demo CNN (docs/benchmarks.md), with a wide safety margin, because
/// a tolerance that is too tight slashes honest providers and one that is loose only lets a cheater
/// through on the few tasks it would have got right anyway.
/// </summary>
/// <param name="MinCosine">Least cosine similarity of the two updates, in (0, 1].</param>
/// <param name="MaxAbsDifference">Largest absolute difference of any weight, at least 0.</param>
public sealed record TrainingTolerance(double MinCosine = TrainingTolerance.DefaultMinCosine, double MaxAbsDifference = TrainingTolerance.DefaultMaxAbsDifference)
{
    /// <summary>Default least cosine of two honest updates of the same task.</summary>
    public const double DefaultMinCosine = 0.998;

    /// <summary>Default largest weight difference between two honest results of the same task.</summary>
    public const double DefaultMaxAbsDifference = 0.05;

    /// <summary>The tolerance in effect when a job does not set one.</summary>
    public static TrainingTolerance Default { get; } = new();

    /// <summary>Least cosine similarity of the two updates.</summary>
    public double MinCosine
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinCosine), value, "The least cosine must be in (0, 1].");
    } = MinCosine is > 0 and <= 1 ? MinCosine : throw new ArgumentOutOfRangeException(nameof(MinCosine), MinCosine, "The least cosine must be in (0, 1].");

    /// <summary>Largest absolute weight difference.</summary>
    public double MaxAbsDifference
    {
        get;
        init => field = value is >= 0 and < double.PositiveInfinity ? value : throw new ArgumentOutOfRangeException(nameof(MaxAbsDifference), value, "The largest difference must be finite and not negative.");
    } = MaxAbsDifference is >= 0 and < double.PositiveInfinity ? MaxAbsDifference : throw new ArgumentOutOfRangeException(nameof(MaxAbsDifference), MaxAbsDifference, "The largest difference must be finite and not negative.");
}
