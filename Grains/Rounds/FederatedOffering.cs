namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Hands a federated round's tasks out: to a share of the qualifying providers that have not had one in
/// this round, topping up from spare candidates when some turn the offer down, and (with a root dataset)
/// one FLTrust reference task to a platform verifier.
/// </summary>
internal sealed class FederatedOffering(IRoundHost host, VerificationSetup setup)
{
    private RoundState State => host.State;

    /// <summary>Opens the round's first attempt: the round's share of the qualifying providers online, at least its minimum.</summary>
    public async Task OpenFirstAttemptAsync()
    {
        var config = State.Config!;
        var available = await host.AvailableAsync(config.Criteria);
        var wanted = Math.Max(config.MinProviders, (int)Math.Ceiling(config.FractionPerRound * available));
        // The round holds every update it aggregates: the job's bound on providers bounds its memory.
        await OpenAttemptAsync(config.MaxProviders > 0 ? Math.Min(wanted, config.MaxProviders) : wanted);
    }

    /// <summary>Opens an attempt: a fresh deadline and tasks offered until <paramref name="wanted"/> providers took one (or the candidates ran out).</summary>
    public async Task OpenAttemptAsync(int wanted)
    {
        var config = State.Config!;
        State.DeadlineUtc = host.Now + config.Timeout;
        // Never two live tasks for one provider in a round, nor a new one for a provider that said it
        // cannot do the work; providers that timed out or declined before are asked again only when
        // there are not enough fresh ones (a small network after a restart is mostly such providers).
        var busy = State.Tasks.Values
            .Where(t => t.State is RoundTaskState.Offered or RoundTaskState.Pending or RoundTaskState.Done or RoundTaskState.Failed)
            .Select(t => t.Provider).Distinct().ToList();
        var tried = State.Tasks.Values.Select(t => t.Provider).ToHashSet(StringComparer.Ordinal);
        // The platform's verifiers are never sampled for ordinary work.
        var sampled = await host.SampleAsync(config.Criteria, wanted * 2 + tried.Count, [.. busy, .. setup.Verifiers], unchecked((int)config.Seed * 31 + State.Attempt));
        var candidates = sampled.Where(p => !tried.Contains(p)).Concat(sampled.Where(tried.Contains)).ToList();
        var accepted = 0;
        foreach (var batch in candidates.Chunk(Math.Max(1, wanted)))
        {
            var offers = batch.Take(wanted - accepted).Select(provider => (Id: Guid.NewGuid().ToString("N"), Provider: provider)).ToList();
            foreach (var (id, provider) in offers)
            {
                State.Tasks[id] = new RoundTask { Provider = provider, Attempt = State.Attempt, State = RoundTaskState.Offered };
            }

            await host.CommitAsync();
            var results = await Task.WhenAll(offers.Select(o => host.AssignAsync(o.Provider, RoundTaskFactory.For(State, o.Id))));
            for (var i = 0; i < offers.Count; i++)
            {
                var task = State.Tasks[offers[i].Id];
                accepted += results[i] ? 1 : 0;
                if (task.State != RoundTaskState.Offered)
                {
                    // A fast provider already answered while the offers were going out.
                    continue;
                }

                task.State = results[i] ? RoundTaskState.Pending : RoundTaskState.Declined;
                task.Reason = results[i] ? "" : "offline or at capacity";
            }

            await host.CommitAsync();
            if (accepted >= wanted)
            {
                break;
            }
        }

        host.Attempted(accepted, wanted);
        host.ArmDeadline();
        if (accepted > 0 && State.ReadyToClose())
        {
            host.ScheduleClose();
        }

        // With nobody taking the work the attempt waits out its deadline: providers come back after
        // restarts and network blips, and burning every attempt at once would fail the job for nothing.
    }

    /// <summary>Offers again every task still marked offered (the previous activation died while offering; idempotent by task id).</summary>
    public async Task ReofferAsync()
    {
        var offered = State.Tasks.Where(t => t.Value.State == RoundTaskState.Offered).ToList();
        var results = await Task.WhenAll(offered.Select(t => host.AssignAsync(t.Value.Provider, RoundTaskFactory.For(State, t.Key))));
        for (var i = 0; i < offered.Count; i++)
        {
            if (offered[i].Value.State == RoundTaskState.Offered)
            {
                offered[i].Value.State = results[i] ? RoundTaskState.Pending : RoundTaskState.Declined;
            }
        }

        await host.CommitAsync();
    }

    /// <summary>
    /// Federated rounds with a root dataset: the platform's verifier trains the round's model on it,
    /// and the update it returns is what every provider's update is scored against (FLTrust). Any
    /// verifier will do; none online means the round aggregates without the reference.
    /// </summary>
    public async Task OfferRootAsync()
    {
        foreach (var verifier in setup.Verifiers.OrderBy(_ => Random.Shared.Next()))
        {
            var id = Guid.NewGuid().ToString("N");
            State.Tasks[id] = new RoundTask { Provider = verifier, Attempt = State.Attempt, State = RoundTaskState.Offered, Role = TaskRole.Root };
            await host.CommitAsync();
            var taken = await host.AssignAsync(verifier, RoundTaskFactory.For(State, id));
            var task = State.Tasks[id];
            if (task.State == RoundTaskState.Offered)
            {
                task.State = taken ? RoundTaskState.Pending : RoundTaskState.Declined;
            }

            await host.CommitAsync();
            if (taken)
            {
                return;
            }
        }
    }
}
