namespace OrleansAI.Api.Diagnostics;

/// <summary>One step of the smoke check.</summary>
/// <param name="Name">What was exercised: grain-storage, blob-storage or chain.</param>
/// <param name="Ok">Whether it worked.</param>
/// <param name="Detail">What was observed, or why it failed.</param>
/// <param name="ElapsedMs">How long the step took.</param>
public sealed record SmokeStep(string Name, bool Ok, string Detail, double ElapsedMs);
