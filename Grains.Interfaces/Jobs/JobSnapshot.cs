namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>A job as its owner sees it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Owner">The client that submitted it.</param>
/// <param name="Definition">What was submitted.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="StatusReason">Why it is in that status (e.g. what it waits for, or why it failed).</param>
/// <param name="RoundsCompleted">Rounds finished so far.</param>
/// <param name="CreatedUtc">When it was accepted.</param>
/// <param name="UpdatedUtc">When it last changed.</param>
/// <param name="History">Every round so far, oldest first.</param>
/// <param name="Model">The registered model version, once there is one.</param>
/// <param name="ResultsDeletedUtc">When the result blobs that shaped the model were deleted after their retention (provenance keeps their hashes).</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.JobSnapshot")]
public sealed record JobSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] JobDefinition Definition,
    [property: Id(3)] JobStatus Status,
    [property: Id(4)] string StatusReason,
    [property: Id(5)] int RoundsCompleted,
    [property: Id(6)] DateTimeOffset CreatedUtc,
    [property: Id(7)] DateTimeOffset UpdatedUtc,
    [property: Id(8)] IReadOnlyList<JobRoundRecord> History,
    [property: Id(9)] ModelVersionKey? Model,
    [property: Id(10)] DateTimeOffset? ResultsDeletedUtc = null);
