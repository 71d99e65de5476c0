namespace OrleansAI.Sdk.Providers;

/// <summary>A provider's reputation and what makes it up (docs/verification.md).</summary>
/// <param name="Score">Combined score in [0, 1]; it weights sampling.</param>
/// <param name="OutcomeScore">Mean of the decayed Beta(successes, failures).</param>
/// <param name="Successes">Decayed successes.</param>
/// <param name="Failures">Decayed failures.</param>
/// <param name="Uptime">Share of expected heartbeats seen.</param>
/// <param name="Timeliness">Share of results in time.</param>
/// <param name="FeeMultiplier">What its payments are multiplied by.</param>
public sealed record ProviderReputation(double Score, double OutcomeScore, double Successes, double Failures, double Uptime, double Timeliness, double FeeMultiplier);
