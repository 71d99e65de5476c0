using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Sets the cumulative slash cap per provider and period (GOVERNOR_ROLE).</summary>
[Function("setSlashPeriodCap")]
public sealed class SetSlashPeriodCapFunction : FunctionMessage
{
    /// <summary>Period in seconds, 1 to 365 days.</summary>
    [Parameter("uint256", "newPeriod", 1)]
    public BigInteger NewPeriod { get; set; }

    /// <summary>Most all slashes in a period may take, in bps of the stake at its start.</summary>
    [Parameter("uint256", "newMaxBps", 2)]
    public BigInteger NewMaxBps { get; set; }
}
