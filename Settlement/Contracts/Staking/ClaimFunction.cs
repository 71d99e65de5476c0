using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Pulls slashed funds credited to the caller.</summary>
[Function("claim")]
public sealed class ClaimFunction : FunctionMessage
{
}
