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
    /// The private key (hex) holding PLATFORM_ROLE on the contracts: silos use it to release payments
    /// from job escrows. Without it (or without <see cref="DeploymentFile"/>) budgets are not settled.
    /// </summary>
    public string? PlatformKey { get; set; }

    /// <summary>Whether a chain is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(RpcUrl);
}
