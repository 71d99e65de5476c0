using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC20Votes <c>getVotes</c>.</summary>
[Function("getVotes", "uint256")]
public sealed class GetVotesFunction : FunctionMessage
{
    /// <summary>Delegatee.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}
