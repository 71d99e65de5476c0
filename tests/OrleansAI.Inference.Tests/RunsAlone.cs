namespace OrleansAI.Inference.Tests;

/// <summary>Timing tests run alone, after the others, so that parallel tests do not share their cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Timing";
}
