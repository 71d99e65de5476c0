namespace OrleansAI.Sdk.Jobs;

/// <summary>One page of the caller's jobs, newest first.</summary>
/// <param name="Items">The jobs on this page.</param>
/// <param name="Total">How many jobs the caller has.</param>
/// <param name="Skip">Jobs skipped before this page.</param>
/// <param name="Take">Page size asked for.</param>
public sealed record JobPage(IReadOnlyList<JobView> Items, int Total, int Skip, int Take);
