using System.ComponentModel.DataAnnotations;

namespace OrleansAI.Hosting.Options;

/// <summary>The Ethereum chain that holds stakes, escrows and payments (Anvil locally).</summary>
public sealed class ChainOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Chain";

    /// <summary>JSON-RPC endpoint; empty means no chain is configured.</summary>
    [Url]
    public string? RpcUrl { get; set; }

    /// <summary>The chain id the node must report; a mismatch means we are talking to the wrong chain.</summary>
    [Range(1, long.MaxValue)]
    public long ChainId { get; set; } = 31337;

    /// <summary>
    /// The deployment file the contract deployer wrote (addresses of the platform's contracts). With it,
    /// the provider gateway admits only providers whose stake meets the Staking contract's minimum.
    /// </summary>
    public string? DeploymentFile { get; set; }

    /// <summary>
    /// The private key (hex) holding PLATFORM_ROLE: silos use it to start jobs on chain (locking their
    /// escrow), release payments and set reward multipliers. Without it (or without
    /// <see cref="DeploymentFile"/>) budgets are not settled. Read by silos only: the Api never
    /// registers a signer, whatever its configuration says.
    /// </summary>
    public string? PlatformKey { get; set; }

    /// <summary>
    /// The private key (hex) holding SLASHER_ROLE on Staking, a key of its own (never the platform's
    /// or the arbiter's): silos slash proven fraud with it. Without it fraud cases are recorded but not
    /// slashed. Silos only.
    /// </summary>
    public string? SlasherKey { get; set; }

    /// <summary>
    /// Optional private key (hex) holding ARBITER_ROLE, for operators' rulings on disputed slashes to
    /// be carried out by the silo. Leave it empty where the arbiter is Governance or a multisig: the
    /// rulings are then made on chain, and an unruled dispute is restored after the ruling timeout.
    /// Must differ from the platform and slasher keys. Silos only.
    /// </summary>
    public string? ArbiterKey { get; set; }

    /// <summary>True when no two of the configured signing keys are the same key.</summary>
    public bool KeysAreDistinct
    {
        get
        {
            string[] keys = [.. new[] { PlatformKey, SlasherKey, ArbiterKey }.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim().ToLowerInvariant().Replace("0x", "", StringComparison.Ordinal))];
            return keys.Distinct(StringComparer.Ordinal).Count() == keys.Length;
        }
    }

    /// <summary>Whether a chain is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(RpcUrl);

    /// <summary>
    /// Blocks a chain event must be buried under before the Api's mirror acts on it (stakes that admit
    /// providers, escrows that start jobs); null for the default: none on the local development chain
    /// (Anvil mines only when sent a transaction, so it would never bury the last one), 12 elsewhere.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1_000)]
    public int? Confirmations { get; set; }

    /// <summary>The confirmations in force: <see cref="Confirmations"/>, or its default for <see cref="ChainId"/>.</summary>
    public ulong EffectiveConfirmations => (ulong)(Confirmations ?? (ChainId == DevelopmentChainId ? 0 : 12));

    /// <summary>The local development chain's id (Anvil's default).</summary>
    public const long DevelopmentChainId = 31337;
}
