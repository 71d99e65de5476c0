using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Rewards the account could claim now.</summary>
[Function("earned", "uint256")]
public sealed class EarnedFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}
