using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Result of <c>unbondingOf</c>.</summary>
[FunctionOutput]
public sealed class UnbondingOfOutputDTO : IFunctionOutputDTO
{
    /// <summary>Amount unbonding, in wei.</summary>
    [Parameter("uint256", "amount", 1)]
    public BigInteger Amount { get; set; }

    /// <summary>Unix time from which it can be withdrawn.</summary>
    [Parameter("uint256", "releaseAt", 2)]
    public BigInteger ReleaseAt { get; set; }
}
