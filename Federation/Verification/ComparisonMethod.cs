namespace OrleansAI.Federation.Verification;

/// <summary>How two training results were compared.</summary>
public enum ComparisonMethod
{
    /// <summary>Both declared the same deterministic runtime: they must be bit for bit identical.</summary>
    Bitwise = 0,

    /// <summary>Different or non-deterministic runtimes: they must agree within the job's tolerance.</summary>
    Tolerance = 1,
}
