using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>The slash recorded under an evidence hash.</summary>
[Function("pendingSlash", typeof(PendingSlashOutputDTO))]
public sealed class PendingSlashFunction : FunctionMessage
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];
}
