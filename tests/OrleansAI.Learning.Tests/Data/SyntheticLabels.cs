namespace OrleansAI.Learning.Tests.Data;

/// <summary>Label vectors for partitioner tests.</summary>
internal static class SyntheticLabels
{
    /// <summary><paramref name="perClass"/> examples of each class, interleaved (0, 1, …, C−1, 0, 1, …).</summary>
    public static int[] Balanced(int classes, int perClass) =>
        [.. Enumerable.Range(0, classes * perClass).Select(i => i % classes)];

    /// <summary>Labels drawn uniformly at random from 0..C−1.</summary>
    public static int[] Random(int count, int classes, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))];
    }

    /// <summary>Asserts the parts are disjoint and together hold every index in 0..count−1 exactly once.</summary>
    public static void AssertDisjointCover(IReadOnlyList<int[]> parts, int count)
    {
        var seen = new bool[count];
        foreach (var part in parts)
        {
            Assert.True(part.SequenceEqual(part.Order()), "each part is returned in ascending order");
            foreach (var index in part)
            {
                Assert.InRange(index, 0, count - 1);
                Assert.False(seen[index], $"index {index} is assigned twice");
                seen[index] = true;
            }
        }

        Assert.All(seen, Assert.True);
    }

    public static void AssertSame(IReadOnlyList<int[]> expected, IReadOnlyList<int[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            Assert.Equal(expected[c], actual[c]);
        }
    }

    public static bool Same(IReadOnlyList<int[]> a, IReadOnlyList<int[]> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second));
}
