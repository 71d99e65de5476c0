using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>
/// Emitted by <c>resolveSlashDispute</c> when the dispute is upheld: the slash's <c>fromActive</c> and
/// <c>fromUnbonding</c> (see the matching <c>Slashed</c>) go back to the provider's stake.
/// </summary>
[Event("SlashRestored")]
public sealed class SlashRestoredEventDTO : IEventDTO
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Provider whose stake is restored.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount restored.</summary>
    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }
}
