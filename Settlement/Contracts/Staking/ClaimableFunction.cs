using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Slashed funds waiting to be pulled by an account.</summary>
[Function("claimable", "uint256")]
public sealed class ClaimableFunction : FunctionMessage
{
    /// <summary>Treasury or beneficiary.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}
