using System.Text.Json.Serialization;

namespace OrleansAI.Settlement.Deployment;

/// <summary>Where the six platform contracts live on one chain.</summary>
public sealed record ContractAddresses
{
    /// <summary>OAIToken.</summary>
    public required string Token { get; init; }

    /// <summary>Staking.</summary>
    public required string Staking { get; init; }

    /// <summary>Rewards.</summary>
    public required string Rewards { get; init; }

    /// <summary>JobEscrow.</summary>
    public required string JobEscrow { get; init; }

    /// <summary>ModelRegistry.</summary>
    public required string ModelRegistry { get; init; }

    /// <summary>Governance.</summary>
    public required string Governance { get; init; }

    /// <summary>All six, in deployment order, with their contract names.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, string Address)> All =>
    [
        ("OAIToken", Token), ("Staking", Staking), ("Rewards", Rewards),
        ("JobEscrow", JobEscrow), ("ModelRegistry", ModelRegistry), ("Governance", Governance),
    ];
}
