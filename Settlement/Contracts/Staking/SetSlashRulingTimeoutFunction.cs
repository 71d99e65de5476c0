using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Sets the slash ruling timeout for disputes raised afterwards (GOVERNOR_ROLE).</summary>
[Function("setSlashRulingTimeout")]
public sealed class SetSlashRulingTimeoutFunction : FunctionMessage
{
    /// <summary>Seconds, 1 to 90 days.</summary>
    [Parameter("uint256", "newTimeout", 1)]
    public BigInteger NewTimeout { get; set; }
}
