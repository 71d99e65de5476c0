namespace OrleansAI.Sdk.Providers;

/// <summary>A round's screen found a provider's update suspect (it lowers reputation; it never slashes).</summary>
/// <param name="RoundKey">The round, as <c>{job}/{round}</c>.</param>
/// <param name="Reason">What the screen saw.</param>
/// <param name="AtUtc">When.</param>
public sealed record Suspicion(string RoundKey, string Reason, DateTimeOffset AtUtc);
