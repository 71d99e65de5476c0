namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>A change to a job, published on the job's progress stream.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind"><c>status</c>, <c>round</c> (a round closed), <c>evaluated</c> (a round's model was measured) or <c>model</c> (registered).</param>
/// <param name="Status">The job's status after the change.</param>
/// <param name="Reason">The status reason.</param>
/// <param name="Round">The round concerned, for <c>round</c> and <c>evaluated</c>.</param>
/// <param name="Model">The registered version, for <c>model</c>.</param>
/// <param name="Utc">When it happened.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.JobEvent")]
public sealed record JobEvent(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Kind,
    [property: Id(2)] JobStatus Status,
    [property: Id(3)] string Reason,
    [property: Id(4)] JobRoundRecord? Round,
    [property: Id(5)] ModelVersionKey? Model,
    [property: Id(6)] DateTimeOffset Utc)
{
    /// <summary>The stream provider jobs publish on.</summary>
    public const string StreamProvider = "progress";

    /// <summary>The stream namespace; the stream key is the job id.</summary>
    public const string StreamNamespace = "jobs";
}
