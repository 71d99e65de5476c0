namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider as operators and clients see it.</summary>
/// <param name="Address">Canonical Ethereum address.</param>
/// <param name="Status">Online or offline.</param>
/// <param name="Capabilities">What it last declared; null if it never registered.</param>
/// <param name="FirstSeenUtc">First registration.</param>
/// <param name="LastSeenUtc">Last heartbeat or registration.</param>
/// <param name="RunningTasks">Tasks assigned and not yet answered.</param>
/// <param name="TasksAssigned">Tasks ever assigned.</param>
/// <param name="TasksAccepted">Results accepted by their rounds.</param>
/// <param name="TasksFailed">Tasks it failed, refused to do, or answered with a refused result.</param>
/// <param name="Earnings">Earned so far, in the payment token's smallest unit.</param>
/// <param name="Models">Model versions it was asked to hold for inference.</param>
/// <param name="InferenceAgreements">Compared inferences where it agreed with the majority.</param>
/// <param name="InferenceDisagreements">Compared inferences where it did not.</param>
/// <param name="Reputation">Its reputation.</param>
/// <param name="FraudCases">Fraud cases opened against it (evidence hashes).</param>
/// <param name="Suspicions">The latest rounds in which its update was an outlier.</param>
/// <param name="SuspicionCount">Outlier rounds ever recorded.</param>
/// <param name="SuspendedUntil">Proven fraud suspends it from new work until then (docs/verification.md); null when it is not suspended.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderSnapshot")]
public sealed record ProviderSnapshot(
    [property: Id(0)] string Address,
    [property: Id(1)] ProviderStatus Status,
    [property: Id(2)] ProviderCapabilities? Capabilities,
    [property: Id(3)] DateTimeOffset FirstSeenUtc,
    [property: Id(4)] DateTimeOffset LastSeenUtc,
    [property: Id(5)] int RunningTasks,
    [property: Id(6)] long TasksAssigned,
    [property: Id(7)] long TasksAccepted,
    [property: Id(8)] long TasksFailed,
    [property: Id(9)] decimal Earnings,
    [property: Id(10)] IReadOnlyList<string>? Models = null,
    [property: Id(11)] long InferenceAgreements = 0,
    [property: Id(12)] long InferenceDisagreements = 0,
    [property: Id(13)] ReputationSnapshot? Reputation = null,
    [property: Id(14)] IReadOnlyList<string>? FraudCases = null,
    [property: Id(15)] IReadOnlyList<Suspicion>? Suspicions = null,
    [property: Id(16)] long SuspicionCount = 0,
    [property: Id(17)] DateTimeOffset? SuspendedUntil = null);
