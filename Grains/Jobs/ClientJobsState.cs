namespace OrleansAI.Grains.Jobs;

/// <summary>Stored state of a <see cref="ClientJobsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ClientJobsState")]
public sealed class ClientJobsState
{
    /// <summary>Job ids, oldest first.</summary>
    [Id(0)] public List<string> JobIds { get; set; } = [];

    /// <summary>Idempotency keys of recent submissions (<see cref="IdempotencyKeys"/>).</summary>
    [Id(1)] public Dictionary<string, IdempotentSubmission> Keys { get; set; } = [];
}
