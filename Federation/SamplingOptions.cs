namespace OrleansAI.Federation;

/// <summary>How many clients a round asks and how many results it needs (Flower's fit fraction and minimums).</summary>
public sealed record SamplingOptions
{
    /// <summary>Share of available clients asked to train.</summary>
    public double FractionFit { get; init; } = 1.0;

    /// <summary>Fewest clients asked to train.</summary>
    public int MinFitClients { get; init; } = 2;

    /// <summary>Fewest usable results to aggregate; below it the current model is kept.</summary>
    public int MinResults { get; init; } = 1;

    /// <summary>When false, any failure keeps the current model (Flower's accept_failures).</summary>
    public bool AcceptFailures { get; init; } = true;
}
