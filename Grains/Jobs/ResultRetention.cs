namespace OrleansAI.Grains.Jobs;

/// <summary>How long a finished job's results stay in the blob store (a per-silo setting); null keeps them.</summary>
/// <param name="Keep">The retention, or null for none.</param>
public sealed record ResultRetention(TimeSpan? Keep);
