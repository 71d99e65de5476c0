using OrleansAI.Federation;

namespace OrleansAI.Federation.Tests;

/// <summary>Random rounds made from a seed: what the property tests quantify over.</summary>
internal static class RandomUpdates
{
    public static (float[] Current, ClientUpdate[] Updates) Round(int seed, int minClients = 1, int maxClients = 12, int maxLength = 64)
    {
        var random = new Random(seed);
        var length = random.Next(1, maxLength + 1);
        var clients = random.Next(minClients, maxClients + 1);
        var current = Vector(random, length);
        var updates = Enumerable.Range(0, clients)
            .Select(i => new ClientUpdate($"c{i:D2}", Vector(random, length, around: current), random.Next(1, 1000)))
            .ToArray();
        return (current, updates);
    }

    public static float[] Vector(Random random, int length, float[]? around = null) =>
        [.. Enumerable.Range(0, length).Select(i => (around?[i] ?? 0f) + (float)Gaussian(random))];

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
