using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Pulls the caller's claimable balance of a token.</summary>
[Function("withdraw", "uint256")]
public sealed class WithdrawFunction : FunctionMessage
{
    /// <summary>Token.</summary>
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;
}
