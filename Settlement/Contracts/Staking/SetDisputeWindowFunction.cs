using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Sets the slash dispute window for future slashes (GOVERNOR_ROLE).</summary>
[Function("setDisputeWindow")]
public sealed class SetDisputeWindowFunction : FunctionMessage
{
    /// <summary>Seconds, at most 30 days.</summary>
    [Parameter("uint256", "newWindow", 1)]
    public BigInteger NewWindow { get; set; }
}
