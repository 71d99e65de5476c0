using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>The contract notified of stake changes (Rewards).</summary>
[Function("stakeListener", "address")]
public sealed class StakeListenerFunction : FunctionMessage
{
}
