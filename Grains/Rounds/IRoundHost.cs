namespace OrleansAI.Grains.Rounds;

/// <summary>
/// What a round's offering and closing classes may ask of the grain that runs them: its state, the
/// time, durable writes, the providers and the registry, and its timers. The grain implements it;
/// tests implement it in memory, so the round's decisions are tested without a cluster.
/// </summary>
internal interface IRoundHost
{
    /// <summary>The round's key, <c>{job}/{round}</c>, for logs.</summary>
    string Key { get; }

    /// <summary>The round's state; changes are durable once <see cref="CommitAsync"/> returns.</summary>
    RoundState State { get; }

    /// <summary>The current time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Persists the state (writes are grouped: every change waits for the next write that starts after it).</summary>
    Task CommitAsync();

    /// <summary>Offers <paramref name="task"/> to its provider; false when the provider is offline or full.</summary>
    Task<bool> AssignAsync(string provider, ProviderTask task);

    /// <summary>Up to <paramref name="count"/> qualifying providers, not in <paramref name="exclude"/>, in the registry's order for <paramref name="seed"/>.</summary>
    Task<IReadOnlyList<string>> SampleAsync(ProviderCriteria criteria, int count, IReadOnlyList<string> exclude, int seed);

    /// <summary>How many qualifying providers are online.</summary>
    Task<int> AvailableAsync(ProviderCriteria criteria);

    /// <summary>The providers' reputations (sampling weights, 1 for unknown).</summary>
    Task<IReadOnlyDictionary<string, double>> ReputationsAsync(IReadOnlyList<string> providers);

    /// <summary>(Re)arms the close at <see cref="RoundState.DeadlineUtc"/>.</summary>
    void ArmDeadline();

    /// <summary>Closes the round in a turn of its own, soon.</summary>
    void ScheduleClose();

    /// <summary>Offers the items nobody works on again soon (data-parallel rounds whose capacity freed up).</summary>
    void TopUpSoon();

    /// <summary>Passes a FedBuff result on to the next round of the job.</summary>
    Task<SubmitOutcome> ForwardCarriedAsync(string provider, TaskReport report, int baseRound, Interfaces.Storage.ContentReference baseWeights);

    /// <summary>Logs how many providers took the attempt's tasks.</summary>
    void Attempted(int accepted, int wanted);

    /// <summary>Logs how many items went to the verifier for replay.</summary>
    void Replaying(int count);
}
