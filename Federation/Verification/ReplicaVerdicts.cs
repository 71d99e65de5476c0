namespace OrleansAI.Federation.Verification;

/// <summary>
/// Decides between results of the same training task (redundant execution and canaries). The
/// platform's verifier is right by definition; without it, agreement settles a task, and a
/// disagreement is proof against a result only when at least two agreeing results that are a strict
/// majority outvote it. When a verifier is available a disagreement always waits for it instead:
/// two colluders agreeing on a wrong answer could otherwise outvote an honest third provider.
/// </summary>
public static class ReplicaVerdicts
{
    /// <summary>Decides the task whose results are <paramref name="results"/>, all trained from <paramref name="start"/>.</summary>
    public static ReplicaDecision Decide(ReadOnlySpan<float> start, IReadOnlyList<ReplicaResult> results, TrainingTolerance tolerance, bool verifierAvailable)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(tolerance);
        if (results.Count == 0)
        {
            return new ReplicaDecision(null, [], false);
        }

        if (results.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != results.Count)
        {
            throw new ArgumentException("Each result needs its own id.", nameof(results));
        }

        if (results.FirstOrDefault(r => r.Trusted) is { } reference)
        {
            var verdicts = new List<ReplicaVerdict>(results.Count);
            foreach (var result in results)
            {
                if (result.Trusted)
                {
                    verdicts.Add(new ReplicaVerdict(result.Id, ReplicaStanding.Agreed, null, null));
                    continue;
                }

                var match = ResultComparison.Compare(start, result, reference, tolerance);
                verdicts.Add(new ReplicaVerdict(result.Id, match.Agree ? ReplicaStanding.Agreed : ReplicaStanding.ProvenWrong, reference.Id, match));
            }

            return new ReplicaDecision(reference.Id, verdicts, false);
        }

        if (results.Count == 1)
        {
            return new ReplicaDecision(results[0].Id, [new ReplicaVerdict(results[0].Id, ReplicaStanding.Unchecked, null, null)], false);
        }

        var matches = new ResultMatch[results.Count, results.Count];
        var allAgree = true;
        for (var i = 0; i < results.Count; i++)
        {
            for (var j = i + 1; j < results.Count; j++)
            {
                matches[i, j] = matches[j, i] = ResultComparison.Compare(start, results[i], results[j], tolerance);
                allAgree &= matches[i, j].Agree;
            }
        }

        if (allAgree)
        {
            return new ReplicaDecision(
                results[0].Id,
                [.. results.Select((r, i) => new ReplicaVerdict(r.Id, ReplicaStanding.Agreed, results[i == 0 ? 1 : 0].Id, matches[i, i == 0 ? 1 : 0]))],
                false);
        }

        if (!verifierAvailable && Majority(results.Count, matches) is { } leader)
        {
            var verdicts = new List<ReplicaVerdict>(results.Count);
            var members = Enumerable.Range(0, results.Count).Where(j => j == leader || matches[leader, j].Agree).ToList();
            for (var i = 0; i < results.Count; i++)
            {
                if (members.Contains(i))
                {
                    var other = i == leader ? members.First(m => m != leader) : leader;
                    verdicts.Add(new ReplicaVerdict(results[i].Id, ReplicaStanding.Agreed, results[other].Id, matches[i, other]));
                    continue;
                }

                // Proof needs two agreeing results against it, not just the leader's group membership.
                var outvotedBy = members.Count(m => !matches[i, m].Agree);
                verdicts.Add(outvotedBy >= 2
                    ? new ReplicaVerdict(results[i].Id, ReplicaStanding.ProvenWrong, results[leader].Id, matches[i, leader])
                    : new ReplicaVerdict(results[i].Id, ReplicaStanding.Unresolved, null, null));
            }

            return new ReplicaDecision(results[leader].Id, verdicts, false);
        }

        return new ReplicaDecision(null, [.. results.Select(r => new ReplicaVerdict(r.Id, ReplicaStanding.Unresolved, null, null))], verifierAvailable);
    }

    // The result agreeing with the most others, when it and they are at least two and a strict
    // majority, and no other result leads an equally large group (a tie settles nothing).
    private static int? Majority(int count, ResultMatch[,] matches)
    {
        var sizes = Enumerable.Range(0, count).Select(i => 1 + Enumerable.Range(0, count).Count(j => j != i && matches[i, j].Agree)).ToArray();
        var best = sizes.Max();
        if (best < 2 || best * 2 <= count)
        {
            return null;
        }

        var leaders = Enumerable.Range(0, count).Where(i => sizes[i] == best).ToList();
        // Every leader of the largest size must belong to one group; otherwise two groups compete.
        var leader = leaders[0];
        return leaders.All(l => l == leader || matches[leader, l].Agree) ? leader : null;
    }
}
