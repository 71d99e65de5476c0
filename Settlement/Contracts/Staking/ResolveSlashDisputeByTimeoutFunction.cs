using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Restores a disputed slash the arbiter did not rule on by its ruling deadline (anyone).</summary>
[Function("resolveSlashDisputeByTimeout")]
public sealed class ResolveSlashDisputeByTimeoutFunction : FunctionMessage
{
    /// <summary>Evidence hash the slash was made with.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];
}
