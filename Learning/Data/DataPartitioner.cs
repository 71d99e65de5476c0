namespace OrleansAI.Learning.Data;

/// <summary>
/// Splits a dataset among simulated federated clients. Each strategy returns one array of example
/// indices per client (ascending, disjoint, together covering every example exactly once) so a
/// client's data is <c>dataset.Subset(partition[c])</c>. Every strategy takes a seed and draws only
/// from <c>new Random(seed)</c>: the same seed gives the same partition on any machine, which lets a
/// run be reproduced and lets clients derive their share without shipping index lists around.
/// </summary>
public static class DataPartitioner
{
    /// <summary>Default floor on examples per client for <see cref="Dirichlet"/>, as in NIID-Bench (Li et al., 2022).</summary>
    public const int DefaultMinExamplesPerClient = 10;

    /// <summary>How many complete Dirichlet draws are tried before the partition is repaired instead.</summary>
    public const int MaxDirichletDraws = 100;

    /// <summary>
    /// IID split: shuffles all <paramref name="count"/> examples and deals them into
    /// <paramref name="clients"/> parts whose sizes differ by at most one. The baseline every
    /// non-IID result is compared against.
    /// </summary>
    public static IReadOnlyList<int[]> Iid(int count, int clients, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, clients, nameof(count));
        var random = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var parts = new int[clients][];
        for (var c = 0; c < clients; c++)
        {
            var start = (int)((long)c * count / clients);
            var end = (int)((long)(c + 1) * count / clients);
            parts[c] = order[start..end];
            Array.Sort(parts[c]);
        }

        return parts;
    }

    /// <summary>
    /// Label-skewed split (Hsu et al., 2019): for each class, draws the proportions of that class each
    /// client receives from a symmetric Dirichlet(<paramref name="alpha"/>) and deals the class's shuffled
    /// examples accordingly. Small alpha (0.1) gives clients dominated by a few classes; large alpha
    /// (100) approaches IID. Client sizes vary too, as in real federations.
    /// </summary>
    /// <remarks>
    /// Every client is guaranteed at least <paramref name="minExamplesPerClient"/> examples, since an
    /// empty client cannot train. The whole partition is redrawn until the floor holds (the
    /// conditioning NIID-Bench uses), up to <see cref="MaxDirichletDraws"/> times; if no draw
    /// satisfies it, the last draw is repaired by moving randomly chosen examples from the largest
    /// clients to the short ones, which changes the skew only by those few examples. Both steps are
    /// seeded, so the result is still reproducible.
    /// </remarks>
    /// <exception cref="ArgumentException">Labels are out of range, or there are fewer than <c>clients × minExamplesPerClient</c> examples.</exception>
    public static IReadOnlyList<int[]> Dirichlet(IReadOnlyList<int> labels, int classes, int clients, double alpha, int seed, int minExamplesPerClient = DefaultMinExamplesPerClient)
    {
        var byClass = GroupByClass(labels, classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minExamplesPerClient);
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Dirichlet concentration must be positive and finite.");
        }

        if ((long)clients * Math.Max(minExamplesPerClient, 1) > labels.Count)
        {
            throw new ArgumentException($"{labels.Count} examples cannot give {clients} clients at least {Math.Max(minExamplesPerClient, 1)} each.", nameof(labels));
        }

        var floor = Math.Max(minExamplesPerClient, 1);
        var random = new Random(seed);
        List<int>[] buckets = [];
        for (var draw = 0; draw < MaxDirichletDraws; draw++)
        {
            buckets = DrawDirichlet(byClass, clients, alpha, random);
            if (buckets.All(b => b.Count >= floor))
            {
                return Finish(buckets);
            }
        }

        Repair(buckets, floor, random);
        return Finish(buckets);
    }

    /// <summary>
    /// Pathological split of McMahan et al. (2017): sorts examples by label (ties in seeded random
    /// order), cuts them into <c>clients × shardsPerClient</c> contiguous shards of near-equal size and
    /// gives each client <paramref name="shardsPerClient"/> randomly chosen shards. With shards no
    /// larger than a class, a client sees at most <c>2 × shardsPerClient</c> labels (a shard may
    /// straddle one class boundary), and exactly <paramref name="shardsPerClient"/> or fewer when shard
    /// size divides every class size.
    /// </summary>
    public static IReadOnlyList<int[]> Shards(IReadOnlyList<int> labels, int clients, int shardsPerClient, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardsPerClient, 1);
        var shards = (long)clients * shardsPerClient;
        if (shards > labels.Count)
        {
            throw new ArgumentException($"{labels.Count} examples cannot fill {shards} shards ({clients} clients × {shardsPerClient}).", nameof(labels));
        }

        var random = new Random(seed);
        var order = Enumerable.Range(0, labels.Count).ToArray();
        random.Shuffle(order);
        var sorted = order.OrderBy(i => labels[i]).ToArray();
        var shardIds = Enumerable.Range(0, (int)shards).ToArray();
        random.Shuffle(shardIds);
        var parts = new int[clients][];
        for (var c = 0; c < clients; c++)
        {
            var part = new List<int>();
            for (var s = 0; s < shardsPerClient; s++)
            {
                var shard = shardIds[(c * shardsPerClient) + s];
                var start = (int)(shard * sorted.Length / shards);
                var end = (int)((shard + 1) * sorted.Length / shards);
                part.AddRange(sorted[start..end]);
            }

            parts[c] = [.. part];
            Array.Sort(parts[c]);
        }

        return parts;
    }

    /// <summary>Per-client label counts: <c>result[client][class]</c>, the input of <see cref="PartitionSkew"/> and of reports.</summary>
    public static int[][] LabelHistograms(IReadOnlyList<int> labels, int classes, IReadOnlyList<int[]> partitions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var histograms = new int[partitions.Count][];
        for (var c = 0; c < partitions.Count; c++)
        {
            histograms[c] = new int[classes];
            foreach (var index in partitions[c])
            {
                var label = labels[index];
                if ((uint)label >= (uint)classes)
                {
                    throw new ArgumentException($"Label {label} of example {index} is outside 0..{classes - 1}.", nameof(labels));
                }

                histograms[c][label]++;
            }
        }

        return histograms;
    }

    private static List<int>[] DrawDirichlet(int[][] byClass, int clients, double alpha, Random random)
    {
        var buckets = new List<int>[clients];
        for (var c = 0; c < clients; c++)
        {
            buckets[c] = [];
        }

        foreach (var members in byClass)
        {
            var shuffled = (int[])members.Clone();
            random.Shuffle(shuffled);
            var proportions = DirichletSampler.Sample(random, alpha, clients);
            var cumulative = 0.0;
            var start = 0;
            for (var c = 0; c < clients; c++)
            {
                cumulative += proportions[c];
                var end = c == clients - 1 ? shuffled.Length : Math.Min(shuffled.Length, (int)Math.Round(cumulative * shuffled.Length));
                end = Math.Max(end, start);
                buckets[c].AddRange(shuffled.AsSpan(start, end - start));
                start = end;
            }
        }

        return buckets;
    }

    private static void Repair(List<int>[] buckets, int floor, Random random)
    {
        // Feasible because there are at least clients × floor examples: whenever a client is short,
        // the largest one holds more than the floor.
        foreach (var shortBucket in buckets)
        {
            while (shortBucket.Count < floor)
            {
                var donor = buckets.MaxBy(b => b.Count)!;
                var position = random.Next(donor.Count);
                shortBucket.Add(donor[position]);
                donor[position] = donor[^1];
                donor.RemoveAt(donor.Count - 1);
            }
        }
    }

    private static int[][] Finish(List<int>[] buckets)
    {
        var parts = new int[buckets.Length][];
        for (var c = 0; c < buckets.Length; c++)
        {
            parts[c] = [.. buckets[c]];
            Array.Sort(parts[c]);
        }

        return parts;
    }

    private static int[][] GroupByClass(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var groups = new List<int>[classes];
        for (var k = 0; k < classes; k++)
        {
            groups[k] = [];
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException($"Label {label} of example {i} is outside 0..{classes - 1}.", nameof(labels));
            }

            groups[label].Add(i);
        }

        return [.. groups.Select(g => g.ToArray())];
    }
}
