using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Whether an evidence hash has been used for a slash (restored slashes included).</summary>
[Function("evidenceUsed", "bool")]
public sealed class EvidenceUsedFunction : FunctionMessage
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];
}
