using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC-20 <c>totalSupply</c>.</summary>
[Function("totalSupply", "uint256")]
public sealed class TotalSupplyFunction : FunctionMessage
{
}
