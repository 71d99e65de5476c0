namespace OrleansAI.Grains.Providers;

/// <summary>Stored state of a <see cref="ProviderGrain"/>: its record and its unanswered tasks (liveness is not stored).</summary>
[GenerateSerializer, Alias("OrleansAI.ProviderState")]
public sealed class ProviderState
{
    /// <summary>What it last declared.</summary>
    [Id(0)] public ProviderCapabilities? Capabilities { get; set; }

    /// <summary>First registration.</summary>
    [Id(1)] public DateTimeOffset FirstSeenUtc { get; set; }

    /// <summary>Tasks assigned and not yet answered, by id.</summary>
    [Id(2)] public Dictionary<string, ProviderTask> Pending { get; set; } = [];

    /// <summary>Tasks ever assigned.</summary>
    [Id(3)] public long Assigned { get; set; }

    /// <summary>Results accepted.</summary>
    [Id(4)] public long Accepted { get; set; }

    /// <summary>Tasks failed or refused.</summary>
    [Id(5)] public long Failed { get; set; }

    /// <summary>Earned so far.</summary>
    [Id(6)] public decimal Earnings { get; set; }

    /// <summary>Last heartbeat or registration that was stored (registration only; heartbeats stay in memory).</summary>
    [Id(7)] public DateTimeOffset LastSeenUtc { get; set; }

    /// <summary>Models it was asked to hold for inference, by model version key.</summary>
    [Id(8)] public Dictionary<string, ModelPlacement> Models { get; set; } = [];

    /// <summary>Compared inferences where it agreed with the majority.</summary>
    [Id(9)] public long InferenceAgreements { get; set; }

    /// <summary>Compared inferences where it did not.</summary>
    [Id(10)] public long InferenceDisagreements { get; set; }

    /// <summary>Its reputation; null until the first observation.</summary>
    [Id(11)] public ReputationRecord? Reputation { get; set; }


    /// <summary>Fraud cases opened against it (ids), oldest first.</summary>
    [Id(13)] public List<string> FraudCases { get; set; } = [];

    /// <summary>Rounds in which its update was an outlier, newest last, with why.</summary>
    [Id(14)] public List<Suspicion> Suspicions { get; set; } = [];

    /// <summary>When each counted fraud case was opened; a withdrawn case leaves this map.</summary>
    [Id(16)] public Dictionary<string, DateTimeOffset> FraudCounted { get; set; } = [];

    /// <summary>Outliers ever recorded (the list keeps the latest).</summary>
    [Id(15)] public long SuspicionCount { get; set; }
}
