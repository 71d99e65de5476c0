namespace OrleansAI.Grains.Tests.Rounds;

/// <summary>A round host in memory: a fixed list of online providers, some of which turn offers down.</summary>
internal sealed class FakeRoundHost(RoundState state, IReadOnlyList<string> online) : IRoundHost
{
    public string Key => "job/1";

    public RoundState State { get; } = state;

    public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Providers that turn every offer down.</summary>
    public HashSet<string> Declining { get; } = new(StringComparer.Ordinal);

    /// <summary>Every offer made, in order.</summary>
    public List<(string Provider, ProviderTask Task)> Offers { get; } = [];

    public List<(string Provider, TaskReport Report, int BaseRound)> Forwarded { get; } = [];

    public int Commits { get; private set; }

    public int DeadlinesArmed { get; private set; }

    public int ClosesScheduled { get; private set; }

    public int TopUps { get; private set; }

    public int Replays { get; private set; }

    public Dictionary<string, double> Reputation { get; } = new(StringComparer.Ordinal);

    public Task CommitAsync()
    {
        Commits++;
        return Task.CompletedTask;
    }

    public Task<bool> AssignAsync(string provider, ProviderTask task)
    {
        lock (Offers)
        {
            Offers.Add((provider, task));
        }

        return Task.FromResult(!Declining.Contains(provider));
    }

    public Task<IReadOnlyList<string>> SampleAsync(ProviderCriteria criteria, int count, IReadOnlyList<string> exclude, int seed) =>
        Task.FromResult<IReadOnlyList<string>>([.. online.Where(p => !exclude.Contains(p)).Take(count)]);

    public Task<int> AvailableAsync(ProviderCriteria criteria) => Task.FromResult(online.Count);

    public Task<IReadOnlyDictionary<string, double>> ReputationsAsync(IReadOnlyList<string> providers) =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(providers.ToDictionary(p => p, p => Reputation.GetValueOrDefault(p, 1.0), StringComparer.Ordinal));

    public void ArmDeadline() => DeadlinesArmed++;

    public void ScheduleClose() => ClosesScheduled++;

    public void TopUpSoon() => TopUps++;

    public Task<SubmitOutcome> ForwardCarriedAsync(string provider, TaskReport report, int baseRound, ContentReference baseWeights)
    {
        Forwarded.Add((provider, report, baseRound));
        return Task.FromResult(SubmitOutcome.Accepted);
    }

    public void Attempted(int accepted, int wanted)
    {
    }

    public void Replaying(int count) => Replays += count;
}
