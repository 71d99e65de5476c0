using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Sum of active stakes.</summary>
[Function("totalStaked", "uint256")]
public sealed class TotalStakedFunction : FunctionMessage
{
}
