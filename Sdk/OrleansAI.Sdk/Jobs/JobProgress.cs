namespace OrleansAI.Sdk.Jobs;

/// <summary>One server-sent progress event of a job.</summary>
/// <param name="Kind"><c>snapshot</c> (first: the job so far), <c>status</c>, <c>round</c>, <c>evaluated</c> or <c>model</c>.</param>
/// <param name="Status">The job's status.</param>
/// <param name="Reason">Its status reason.</param>
/// <param name="Round">The round concerned.</param>
/// <param name="Model">Registered model name, once there is one.</param>
/// <param name="ModelVersion">Registered version, once there is one.</param>
/// <param name="Job">The whole job, for <c>snapshot</c>.</param>
public sealed record JobProgress(string Kind, JobStatus Status, string Reason, RoundView? Round, string? Model, int? ModelVersion, JobView? Job);
