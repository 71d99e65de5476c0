namespace OrleansAI.Federation.Tests;

/// <summary>Float results against double references: equal within a relative tolerance.</summary>
internal static class Close
{
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"index {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
