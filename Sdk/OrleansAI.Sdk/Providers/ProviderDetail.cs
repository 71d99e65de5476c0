namespace OrleansAI.Sdk.Providers;

/// <summary>One provider's public record.</summary>
/// <param name="Address">Its Ethereum address.</param>
/// <param name="Status">Whether it is connected.</param>
/// <param name="Capabilities">What it declared, once it registered.</param>
/// <param name="FirstSeenUtc">When it first connected.</param>
/// <param name="LastSeenUtc">Its last heartbeat.</param>
/// <param name="RunningTasks">Tasks it holds now.</param>
/// <param name="TasksAssigned">Tasks given to it.</param>
/// <param name="TasksAccepted">Results accepted from it.</param>
/// <param name="TasksFailed">Tasks it failed or missed.</param>
/// <param name="Earnings">Earned so far.</param>
/// <param name="Models">Models it holds for serving.</param>
/// <param name="InferenceAgreements">Answers that agreed with other nodes.</param>
/// <param name="InferenceDisagreements">Answers that did not.</param>
/// <param name="Reputation">Its reputation.</param>
/// <param name="FraudCases">Ids of fraud cases against it.</param>
/// <param name="Suspicions">Its latest suspicions.</param>
/// <param name="SuspicionCount">Suspicions in all.</param>
/// <param name="SuspendedUntil">Until when proven fraud keeps it from new work.</param>
public sealed record ProviderDetail(
    string Address,
    ProviderStatus Status,
    ProviderCapabilities? Capabilities,
    DateTimeOffset FirstSeenUtc,
    DateTimeOffset LastSeenUtc,
    int RunningTasks,
    long TasksAssigned,
    long TasksAccepted,
    long TasksFailed,
    decimal Earnings,
    IReadOnlyList<string>? Models,
    long InferenceAgreements,
    long InferenceDisagreements,
    ProviderReputation? Reputation,
    IReadOnlyList<string>? FraudCases,
    IReadOnlyList<Suspicion>? Suspicions,
    long SuspicionCount,
    DateTimeOffset? SuspendedUntil);
