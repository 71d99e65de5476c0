using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Disputes a pending slash (the slashed provider, until the slash's <c>disputeUntil</c>).</summary>
[Function("disputeSlash")]
public sealed class DisputeSlashFunction : FunctionMessage
{
    /// <summary>Evidence hash the slash was made with.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];
}
