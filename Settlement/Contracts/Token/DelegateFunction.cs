using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC20Votes <c>delegate</c>: balances count as votes only once delegated.</summary>
[Function("delegate")]
public sealed class DelegateFunction : FunctionMessage
{
    /// <summary>Who gets the votes (often the holder itself).</summary>
    [Parameter("address", "delegatee", 1)]
    public string Delegatee { get; set; } = string.Empty;
}
