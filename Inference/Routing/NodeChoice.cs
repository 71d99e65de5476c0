namespace OrleansAI.Inference.Routing;

/// <summary>
/// Chooses nodes for inference requests by load. Few candidates are compared exhaustively; many use
/// "power of two choices" (Mitzenmacher, 2001): the better of two random candidates, which keeps the
/// load nearly as even as always choosing the least loaded while sparing the router a full scan and
/// avoiding the herd effect of every router sending to the same momentarily idle node.
/// </summary>
public static class NodeChoice
{
    /// <summary>Candidate counts up to this are scanned exhaustively.</summary>
    public const int ExhaustiveLimit = 4;

    /// <summary>
    /// Picks a healthy node not in <paramref name="exclude"/>: with at most <see cref="ExhaustiveLimit"/>
    /// candidates the least outstanding (ties to the lower price, then at random); with more, the
    /// better by the same order of two distinct candidates drawn with <paramref name="random"/>.
    /// </summary>
    /// <returns>The chosen node's <see cref="NodeLoad.Index"/>, or null when no node qualifies.</returns>
    public static int? Pick(ReadOnlySpan<NodeLoad> nodes, IReadOnlySet<int>? exclude, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidates = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        var count = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].Healthy && exclude?.Contains(nodes[i].Index) != true)
            {
                candidates[count++] = i;
            }
        }

        if (count == 0)
        {
            return null;
        }

        if (count <= ExhaustiveLimit)
        {
            // Among equally loaded, equally priced nodes the pick is random: at low load every idle
            // node gets traffic instead of the first one listed (which would also see every call).
            var best = candidates[0];
            var ties = 1;
            for (var c = 1; c < count; c++)
            {
                var node = nodes[candidates[c]];
                if (Better(node, nodes[best]))
                {
                    best = candidates[c];
                    ties = 1;
                }
                else if (!Better(nodes[best], node) && random.Next(++ties) == 0)
                {
                    best = candidates[c];
                }
            }

            return nodes[best].Index;
        }

        var first = random.Next(count);
        var second = random.Next(count - 1);
        if (second >= first)
        {
            second++;
        }

        var a = nodes[candidates[first]];
        var b = nodes[candidates[second]];
        // The two were drawn at random, so on a tie the first drawn is a random choice too.
        return Better(b, a) ? b.Index : a.Index;
    }

    /// <summary>
    /// Picks up to <paramref name="k"/> distinct nodes (fewer when fewer qualify), each by <see cref="Pick"/>
    /// with the ones already chosen excluded: replicas of one request go to different nodes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static IReadOnlyList<int> PickMany(ReadOnlySpan<NodeLoad> nodes, int k, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var chosen = new List<int>(Math.Min(k, nodes.Length));
        var exclude = new HashSet<int>();
        while (chosen.Count < k && Pick(nodes, exclude, random) is { } index)
        {
            chosen.Add(index);
            exclude.Add(index);
        }

        return chosen;
    }

    private static bool Better(NodeLoad a, NodeLoad b) =>
        a.Outstanding != b.Outstanding ? a.Outstanding < b.Outstanding : a.Price < b.Price;
}
