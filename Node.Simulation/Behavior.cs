namespace OrleansAI.Node.Simulation;

/// <summary>What a (simulated) provider does with a training task; the attacks exist to test the platform's defences.</summary>
public static class Behavior
{
    /// <summary>Behaviours a single node can play on its own (the colluding ones need the other clients' updates).</summary>
    public static IReadOnlyList<ClientBehavior> Supported { get; } =
        [ClientBehavior.Honest, ClientBehavior.SignFlip, ClientBehavior.GaussianNoise, ClientBehavior.LabelFlip, ClientBehavior.Scaled, ClientBehavior.Lazy, ClientBehavior.Shirker];

    /// <summary>Parses a behaviour name (case-insensitive), refusing the ones a node cannot play.</summary>
    public static ClientBehavior Parse(string name)
    {
        if (Enum.TryParse<ClientBehavior>(name, ignoreCase: true, out var behavior) && Supported.Contains(behavior))
        {
            return behavior;
        }

        throw new ArgumentException($"Unknown or unsupported behaviour '{name}'; supported: {string.Join(", ", Supported).ToLowerInvariant()}.", nameof(name));
    }

    /// <summary>The parameters a provider playing <paramref name="behavior"/> hands in instead of its honestly <paramref name="trained"/> ones.</summary>
    public static float[] Apply(ClientBehavior behavior, float[] global, float[] trained, int scale, Random random) => behavior switch
    {
        ClientBehavior.SignFlip => Attacks.SignFlip(global, trained),
        ClientBehavior.Scaled => Attacks.Scaled(global, trained, scale),
        ClientBehavior.GaussianNoise => Attacks.GaussianNoise(global, 1.0, random),
        ClientBehavior.Lazy => (float[])global.Clone(),
        _ => trained,
    };
}
