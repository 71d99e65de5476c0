using FsCheck.Xunit;

namespace OrleansAI.Federation.Tests.Verification;

/// <summary>
/// Random tasks with honest results (one shared answer, some nudged within tolerance as another
/// runtime would) and cheaters (their own answers, some colluding on one), against the rules
/// written out naively.
/// </summary>
public sealed class ReplicaVerdictsPropertyTests
{
    private const string Deterministic = "rt/threads=1/deterministic";

    [Property(MaxTest = 500)]
    public void AnHonestResultIsNeverProvenWrongWhenAVerifierDecidesOrCanBeAsked(int seed)
    {
        var (start, results, honest) = RandomTask(seed, withVerifier: new Random(seed).Next(2) == 0);
        var decision = ReplicaVerdicts.Decide(start, results, TrainingTolerance.Default, verifierAvailable: true);

        Assert.DoesNotContain(decision.ProvenWrong, v => honest.Contains(v.Id));
    }

    [Property(MaxTest = 500)]
    public void WithTheVerifierExactlyTheResultsThatDisagreeWithItAreProvenWrong(int seed)
    {
        var (start, results, _) = RandomTask(seed, withVerifier: true);
        var decision = ReplicaVerdicts.Decide(start, results, TrainingTolerance.Default, verifierAvailable: false);
        var verifier = results.First(r => r.Trusted);

        var expected = results.Where(r => !r.Trusted && !NaiveAgree(start, r, verifier)).Select(r => r.Id).ToList();
        Assert.Equal(expected, decision.ProvenWrong.Select(v => v.Id));
        Assert.Equal(verifier.Id, decision.AcceptedId);
    }

    [Property(MaxTest = 500)]
    public void WithoutAVerifierProofNeedsAStrictMajorityOfAtLeastTwoAgainstTheAccused(int seed)
    {
        var (start, results, _) = RandomTask(seed, withVerifier: false);
        var decision = ReplicaVerdicts.Decide(start, results, TrainingTolerance.Default, verifierAvailable: false);

        foreach (var wrong in decision.ProvenWrong)
        {
            var accused = results.Single(r => r.Id == wrong.Id);
            var against = results.Where(r => r.Id != accused.Id && !NaiveAgree(start, r, accused)).ToList();
            var leader = results.Single(r => r.Id == wrong.Against);
            var group = results.Where(r => r.Id == leader.Id || NaiveAgree(start, r, leader)).ToList();
            Assert.True(group.Count * 2 > results.Count);
            Assert.True(group.Count(g => !NaiveAgree(start, g, accused)) >= 2);
            Assert.True(against.Count >= 2);
        }

        if (decision.AcceptedId is { } accepted && results.Count > 1)
        {
            Assert.DoesNotContain(decision.ProvenWrong, v => v.Id == accepted);
        }
    }

    [Property(MaxTest = 300)]
    public void StandingsDoNotDependOnTheOrderResultsArriveIn(int seed)
    {
        var (start, results, _) = RandomTask(seed, withVerifier: new Random(seed).Next(2) == 0);
        var shuffled = results.ToArray();
        new Random(seed + 1).Shuffle(shuffled);

        var a = ReplicaVerdicts.Decide(start, results, TrainingTolerance.Default, verifierAvailable: false);
        var b = ReplicaVerdicts.Decide(start, shuffled, TrainingTolerance.Default, verifierAvailable: false);

        Assert.Equal(
            a.Verdicts.ToDictionary(v => v.Id, v => v.Standing).OrderBy(p => p.Key, StringComparer.Ordinal),
            b.Verdicts.ToDictionary(v => v.Id, v => v.Standing).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    // The definition written out: same deterministic runtime → every bit equal; otherwise the
    // cosine of the updates and the largest weight difference within the default tolerance.
    private static bool NaiveAgree(float[] start, ReplicaResult a, ReplicaResult b)
    {
        if (a.Runtime == b.Runtime && a.Runtime.Split('/').Contains("deterministic"))
        {
            return a.Parameters.Select(BitConverter.SingleToInt32Bits).SequenceEqual(b.Parameters.Select(BitConverter.SingleToInt32Bits));
        }

        var da = a.Parameters.Select((x, i) => (double)x - start[i]).ToArray();
        var db = b.Parameters.Select((x, i) => (double)x - start[i]).ToArray();
        var na = Math.Sqrt(da.Sum(x => x * x));
        var nb = Math.Sqrt(db.Sum(x => x * x));
        var cosine = na == 0 && nb == 0 ? 1 : na == 0 || nb == 0 ? 0 : da.Zip(db, (x, y) => x * y).Sum() / (na * nb);
        var maxAbs = a.Parameters.Zip(b.Parameters, (x, y) => Math.Abs((double)x - y)).Max();
        return cosine >= TrainingTolerance.DefaultMinCosine && maxAbs <= TrainingTolerance.DefaultMaxAbsDifference;
    }

    private static (float[] Start, List<ReplicaResult> Results, HashSet<string> Honest) RandomTask(int seed, bool withVerifier)
    {
        var random = new Random(seed);
        var length = random.Next(2, 12);
        var start = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        var answer = start.Select(s => s + (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
        var colluders = start.Select(s => s + (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
        var results = new List<ReplicaResult>();
        var honest = new HashSet<string>(StringComparer.Ordinal);
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var id = $"p{i}";
            switch (random.Next(4))
            {
                case 0 or 1:
                    // Honest: bit-identical on the deterministic runtime, or nudged far inside tolerance on another.
                    var nudged = random.Next(2) == 0;
                    results.Add(new ReplicaResult(id, nudged ? [.. answer.Select(x => x + (float)(random.NextDouble() - 0.5) * 1e-4f)] : [.. answer], nudged ? "rt/threads=2" : Deterministic));
                    honest.Add(id);
                    break;
                case 2:
                    results.Add(new ReplicaResult(id, [.. colluders], Deterministic));
                    break;
                default:
                    results.Add(new ReplicaResult(id, [.. start.Select(s => s + (float)(random.NextDouble() - 0.5))], Deterministic));
                    break;
            }
        }

        if (withVerifier)
        {
            results.Insert(random.Next(results.Count + 1), new ReplicaResult("verifier", [.. answer], Deterministic, Trusted: true));
        }

        return (start, results, honest);
    }
}
