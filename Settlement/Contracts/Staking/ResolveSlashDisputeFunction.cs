using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Decides a disputed slash (ARBITER_ROLE).</summary>
[Function("resolveSlashDispute")]
public sealed class ResolveSlashDisputeFunction : FunctionMessage
{
    /// <summary>Evidence hash the slash was made with.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>True gives the stake back to the provider; false credits the slash's recipient.</summary>
    [Parameter("bool", "upheld", 2)]
    public bool Upheld { get; set; }
}
