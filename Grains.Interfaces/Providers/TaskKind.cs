namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What a provider is asked to do.</summary>
[GenerateSerializer, Alias("OrleansAI.TaskKind")]
public enum TaskKind
{
    /// <summary>Evaluate the global model on local test data, train on local data, upload the result.</summary>
    Train = 0,

    /// <summary>Only evaluate the global model on local test data.</summary>
    Evaluate = 1,
}
