using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>The <c>Staking.PendingSlash</c> struct, in declaration order.</summary>
public sealed class PendingSlashData
{
    /// <summary>Provider slashed.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Unix time of the last second the provider may dispute.</summary>
    [Parameter("uint64", "disputeUntil", 2)]
    public ulong DisputeUntil { get; set; }

    /// <summary>Lifecycle state; see <see cref="SlashStatus"/>.</summary>
    [Parameter("uint8", "status", 3)]
    public byte Status { get; set; }

    /// <summary>Set when disputed: Unix time of the last second the arbiter may rule; after it anyone restores the slash.</summary>
    [Parameter("uint64", "ruleBy", 4)]
    public ulong RuleBy { get; set; }

    /// <summary>Credited with the amount once the slash is final.</summary>
    [Parameter("address", "recipient", 5)]
    public string Recipient { get; set; } = string.Empty;

    /// <summary>Amount held: <see cref="FromActive"/> + <see cref="FromUnbonding"/>.</summary>
    [Parameter("uint256", "amount", 6)]
    public BigInteger Amount { get; set; }

    /// <summary>Part taken from active stake (returns there if restored).</summary>
    [Parameter("uint256", "fromActive", 7)]
    public BigInteger FromActive { get; set; }

    /// <summary>Part taken from unbonding stake (returns there if restored).</summary>
    [Parameter("uint256", "fromUnbonding", 8)]
    public BigInteger FromUnbonding { get; set; }

    /// <summary><see cref="Status"/> as the enum.</summary>
    public SlashStatus SlashStatus => (SlashStatus)Status;
}
