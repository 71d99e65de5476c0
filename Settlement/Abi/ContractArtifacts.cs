using System.Collections.Frozen;

namespace OrleansAI.Settlement.Abi;

/// <summary>
/// The artifacts of the six platform contracts, embedded in this assembly at build time.
/// </summary>
/// <remarks>
/// Compilation output is not committed; the build runs forge on <c>contracts/src</c> and embeds the
/// result, so the bytecode deployed and the ABIs used to decode errors always match the sources of
/// the same commit.
/// </remarks>
public static class ContractArtifacts
{
    private const string ResourcePrefix = "OrleansAI.Settlement.Artifacts.";

    private static readonly Lazy<FrozenDictionary<string, ContractArtifact>> All = new(Load);

    /// <summary>The names of the embedded contracts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["OAIToken", "Staking", "Rewards", "JobEscrow", "ModelRegistry", "Governance"];

    /// <summary>OAIToken.</summary>
    public static ContractArtifact Token => Get("OAIToken");

    /// <summary>Staking.</summary>
    public static ContractArtifact Staking => Get("Staking");

    /// <summary>Rewards.</summary>
    public static ContractArtifact Rewards => Get("Rewards");

    /// <summary>JobEscrow.</summary>
    public static ContractArtifact JobEscrow => Get("JobEscrow");

    /// <summary>ModelRegistry.</summary>
    public static ContractArtifact ModelRegistry => Get("ModelRegistry");

    /// <summary>Governance.</summary>
    public static ContractArtifact Governance => Get("Governance");

    /// <summary>The artifact of one contract by name.</summary>
    /// <exception cref="KeyNotFoundException">The contract is not embedded.</exception>
    public static ContractArtifact Get(string name) =>
        All.Value.TryGetValue(name, out var artifact)
            ? artifact
            : throw new KeyNotFoundException($"No embedded artifact for contract '{name}'.");

    private static FrozenDictionary<string, ContractArtifact> Load()
    {
        var assembly = typeof(ContractArtifacts).Assembly;
        var artifacts = new Dictionary<string, ContractArtifact>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
                ?? throw new InvalidOperationException(
                    $"The artifact of {name} is not embedded; the Settlement build compiles contracts/src with forge (run infra/local/stack.sh install).");
            artifacts[name] = ContractArtifact.Parse(name, stream);
        }

        return artifacts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
