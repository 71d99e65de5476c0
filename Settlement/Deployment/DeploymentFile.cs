using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansAI.Settlement.Deployment;

/// <summary>
/// The record of one deployment: which chain, which contracts where, who deployed them, who holds
/// the operational roles, and from which block to index their events.
/// </summary>
/// <remarks>
/// The silo, the Api and the provider nodes learn the contract addresses from this file instead of
/// configuration per address, so a redeployment (Anvil loses its state when stopped) is one file
/// to replace. <see cref="BlockNumber"/> is the first block of the deployment: indexers start
/// there instead of at genesis.
/// </remarks>
public sealed record DeploymentFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The chain id the contracts were deployed on.</summary>
    public required long ChainId { get; init; }

    /// <summary>The deploying account (initial DEFAULT_ADMIN_ROLE holder unless handed to Governance).</summary>
    public required string Deployer { get; init; }

    /// <summary>Holder of PLATFORM_ROLE (payments, job starts, reputation, model registration).</summary>
    public required string Platform { get; init; }

    /// <summary>Holder of SLASHER_ROLE on Staking; null when none was granted.</summary>
    public string? Slasher { get; init; }

    /// <summary>Holder of ARBITER_ROLE on Staking and JobEscrow (Governance unless a separate key was named).</summary>
    public string? Arbiter { get; init; }

    /// <summary>Holder of GUARDIAN_ROLE (may pause); null when none was granted.</summary>
    public string? Guardian { get; init; }

    /// <summary>Receives fees, unallocated rewards and slashes without a beneficiary.</summary>
    public required string Treasury { get; init; }

    /// <summary>The block of the first deployment transaction: where event indexing starts.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>When the deployment finished (UTC).</summary>
    public required DateTimeOffset DeployedAt { get; init; }

    /// <summary>The contracts.</summary>
    public required ContractAddresses Contracts { get; init; }

    /// <summary>Writes the file atomically (a temporary file renamed over the target), creating folders as needed.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a deployment record.</exception>
    public static DeploymentFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return JsonSerializer.Deserialize<DeploymentFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a deployment file: {ex.Message}", ex);
        }
    }
}
