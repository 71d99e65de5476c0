using System.Security.Cryptography;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Hands a data-parallel round's items out: every item once (primaries spread over the sampled
/// providers, fresh ones first), and on the first attempt a random share again on other providers
/// (replicas) or on the platform's verifier (canaries). Which items are checked is drawn from a
/// cryptographic source and kept in the round's state only, so no provider can predict or tell.
/// </summary>
internal sealed class DataParallelOffering(IRoundHost host, VerificationSetup setup)
{
    private RoundState State => host.State;

    /// <summary>Offers <paramref name="items"/>; with <paramref name="withChecks"/> also draws their replicas and canaries.</summary>
    /// <param name="items">The items to hand out.</param>
    /// <param name="withChecks">Whether to draw redundant checks (the first attempt of a training round).</param>
    /// <param name="newAttempt">Whether this opens an attempt (a fresh deadline) rather than topping one up.</param>
    public async Task OpenItemsAsync(List<int> items, bool withChecks, bool newAttempt = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        var config = State.Config!;
        if (newAttempt)
        {
            State.DeadlineUtc = host.Now + config.Timeout;
        }

        var holding = State.Tasks.Values.Where(t => t.State != RoundTaskState.Declined).Select(t => t.Provider).ToHashSet(StringComparer.Ordinal);
        var sampled = await host.SampleAsync(config.Criteria, Math.Max(items.Count * 2, 4) + holding.Count, setup.Verifiers, unchecked((int)config.Seed * 31 + State.Attempt));
        var candidates = sampled.Where(p => !holding.Contains(p)).Concat(sampled.Where(holding.Contains)).ToList();
        var offered = items.Count;
        var accepted = await OfferItemsAsync([.. items.Select((item, i) => new ItemOffer(item, TaskRole.Primary, candidates, i))]);

        if (withChecks && config.Verification is { } verification)
        {
            var checks = await DrawChecksAsync(items, verification, candidates);
            offered += checks.Count;
            accepted += await OfferItemsAsync(checks);
        }

        host.Attempted(accepted, offered);
        host.ArmDeadline();
        if (accepted > 0 && State.ReadyToClose())
        {
            host.ScheduleClose();
        }
    }

    /// <summary>Offers the items nobody works on (capacity freed up) without opening a new attempt.</summary>
    public async Task TopUpAsync()
    {
        var items = State.UnassignedItems();
        if (items.Count > 0)
        {
            await OpenItemsAsync(items, withChecks: false, newAttempt: false);
        }
    }

    /// <summary>Offers one task of an item to the eligible providers in turn, from <paramref name="start"/>, until one takes it.</summary>
    public async Task<bool> OfferItemAsync(int item, TaskRole role, IReadOnlyList<string> eligible, int start)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        for (var tries = 0; tries < eligible.Count; tries++)
        {
            var provider = eligible[(start + tries) % eligible.Count];
            if (State.Holds(provider, item))
            {
                continue;
            }

            var id = Guid.NewGuid().ToString("N");
            State.Tasks[id] = new RoundTask { Provider = provider, Attempt = State.Attempt, State = RoundTaskState.Offered, Item = item, Role = role };
            await host.CommitAsync();
            var taken = await host.AssignAsync(provider, RoundTaskFactory.For(State, id));
            var task = State.Tasks[id];
            Settle(task, taken);
            if (taken)
            {
                return true;
            }

            if (role is TaskRole.Primary or TaskRole.Replica && task.State == RoundTaskState.Declined)
            {
                // A refused offer is no work: forgetting it keeps the round small when offers are
                // retried as providers free up. (A refused replay is kept: it says the verifier was tried.)
                State.Tasks.Remove(id);
            }
        }

        return false;
    }

    // Checks are drawn per item once its primary is known: a provider with a poor record has its
    // work checked more often (CheckRates).
    private async Task<List<ItemOffer>> DrawChecksAsync(List<int> items, Interfaces.Jobs.VerificationSettings verification, List<string> candidates)
    {
        var primaries = State.Tasks.Values
            .Where(t => t.Role == TaskRole.Primary && t.Item is not null && t.State is RoundTaskState.Pending or RoundTaskState.Done)
            .GroupBy(t => t.Item!.Value)
            .ToDictionary(g => g.Key, g => g.First().Provider);
        var reputations = await host.ReputationsAsync([.. primaries.Values.Distinct(StringComparer.Ordinal)]);
        var random = new Random(RandomNumberGenerator.GetInt32(int.MaxValue));
        var checks = new List<ItemOffer>();
        foreach (var item in items)
        {
            var reputation = primaries.TryGetValue(item, out var primary) ? reputations.GetValueOrDefault(primary, 1) : 1;
            if (random.NextDouble() < CheckRates.Rate(verification.ReplicationShare, reputation))
            {
                checks.AddRange(Enumerable.Range(1, verification.Replicas - 1).Select(_ => new ItemOffer(item, TaskRole.Replica, candidates, Random.Shared.Next(Math.Max(1, candidates.Count)))));
            }

            if (setup.Verifiers.Count > 0 && random.NextDouble() < CheckRates.Rate(verification.CanaryRate, reputation))
            {
                checks.Add(new ItemOffer(item, TaskRole.Canary, setup.Verifiers, Random.Shared.Next(setup.Verifiers.Count)));
            }
        }

        return checks;
    }

    // Offers many item tasks at once: each to the first eligible provider from its start that does not
    // hold the item, all recorded in one write and assigned concurrently (a round's start is on the
    // job's critical path); a refused offer then tries the rest of its providers one by one.
    private async Task<int> OfferItemsAsync(List<ItemOffer> offers)
    {
        var batch = new List<(string Id, int Offer, int Next)>();
        for (var i = 0; i < offers.Count; i++)
        {
            var offer = offers[i];
            for (var tries = 0; tries < offer.Eligible.Count; tries++)
            {
                var provider = offer.Eligible[(offer.Start + tries) % offer.Eligible.Count];
                if (!State.Holds(provider, offer.Item))
                {
                    var id = Guid.NewGuid().ToString("N");
                    State.Tasks[id] = new RoundTask { Provider = provider, Attempt = State.Attempt, State = RoundTaskState.Offered, Item = offer.Item, Role = offer.Role };
                    batch.Add((id, i, offer.Start + tries + 1));
                    break;
                }
            }
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        await host.CommitAsync();
        var taken = await Task.WhenAll(batch.Select(b => host.AssignAsync(State.Tasks[b.Id].Provider, RoundTaskFactory.For(State, b.Id))));
        var accepted = 0;
        var refused = new List<(int Offer, int Next)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var task = State.Tasks[batch[i].Id];
            Settle(task, taken[i]);
            if (taken[i])
            {
                accepted++;
                continue;
            }

            if (task.Role is TaskRole.Primary or TaskRole.Replica && task.State == RoundTaskState.Declined)
            {
                State.Tasks.Remove(batch[i].Id);
            }

            refused.Add((batch[i].Offer, batch[i].Next));
        }

        await host.CommitAsync();
        foreach (var (offer, next) in refused)
        {
            accepted += await OfferItemAsync(offers[offer].Item, offers[offer].Role, offers[offer].Eligible, next) ? 1 : 0;
        }

        return accepted;
    }

    // An offer's answer, unless a fast provider already handed the result in while offers were going out.
    private static void Settle(RoundTask task, bool taken)
    {
        if (task.State == RoundTaskState.Offered)
        {
            task.State = taken ? RoundTaskState.Pending : RoundTaskState.Declined;
            task.Reason = taken ? "" : "offline or at capacity";
        }
    }
}
