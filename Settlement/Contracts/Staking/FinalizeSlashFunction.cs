using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Credits an undisputed slash to its recipient once its dispute window has passed (anyone).</summary>
[Function("finalizeSlash")]
public sealed class FinalizeSlashFunction : FunctionMessage
{
    /// <summary>Evidence hash the slash was made with.</summary>
    [Parameter("bytes32", "evidenceHash", 1)]
    public byte[] EvidenceHash { get; set; } = [];
}
