namespace OrleansAI.Api.Diagnostics;

/// <summary>The outcome of a smoke check through the cluster and every configured service.</summary>
/// <param name="Ok">True when every step worked.</param>
/// <param name="Mode">"cluster" (PostgreSQL-backed) or "embedded".</param>
/// <param name="Steps">The steps in the order they ran.</param>
public sealed record SmokeReport(bool Ok, string Mode, IReadOnlyList<SmokeStep> Steps);
