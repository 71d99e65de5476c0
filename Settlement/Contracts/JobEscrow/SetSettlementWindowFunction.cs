using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Sets the settlement window for jobs started afterwards (GOVERNOR_ROLE).</summary>
[Function("setSettlementWindow")]
public sealed class SetSettlementWindowFunction : FunctionMessage
{
    /// <summary>Seconds, 1 hour to 30 days.</summary>
    [Parameter("uint256", "newWindow", 1)]
    public BigInteger NewWindow { get; set; }
}
