namespace OrleansAI.Federation;

/// <summary>Which clients train this round and the configuration each receives.</summary>
/// <param name="Clients">The chosen clients.</param>
/// <param name="Config">Settings sent with the task (e.g. local epochs, proximal_mu).</param>
public sealed record FitInstructions(IReadOnlyList<string> Clients, IReadOnlyDictionary<string, double> Config);
