using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>slash</c> after <c>Slashed</c>: the funds are held until the slash is final.</summary>
[Event("SlashPending")]
public sealed class SlashPendingEventDTO : IEventDTO
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Provider slashed.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount held.</summary>
    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Unix time of the last second the provider may dispute.</summary>
    [Parameter("uint64", "disputeUntil", 4, false)]
    public ulong DisputeUntil { get; set; }
}
