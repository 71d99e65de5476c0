namespace OrleansAI.Sdk.Jobs;

/// <summary>Where an aggregation round stands.</summary>
public enum RoundStatus
{
    /// <summary>Not opened yet.</summary>
    NotStarted,

    /// <summary>Tasks are out; results are coming in.</summary>
    Collecting,

    /// <summary>Aggregated (or the model was kept, with the reason).</summary>
    Closed,

    /// <summary>Gave up without a quorum.</summary>
    Failed,
}
