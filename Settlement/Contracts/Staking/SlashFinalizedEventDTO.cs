using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>finalizeSlash</c>, and by <c>resolveSlashDispute</c> when the dispute is rejected.</summary>
[Event("SlashFinalized")]
public sealed class SlashFinalizedEventDTO : IEventDTO
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Account credited (claimable).</summary>
    [Parameter("address", "recipient", 2, true)]
    public string Recipient { get; set; } = string.Empty;

    /// <summary>Amount credited.</summary>
    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }
}
