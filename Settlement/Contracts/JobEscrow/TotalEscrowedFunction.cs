using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Sum of the remaining budgets in a token.</summary>
[Function("totalEscrowed", "uint256")]
public sealed class TotalEscrowedFunction : FunctionMessage
{
    /// <summary>Token.</summary>
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;
}
