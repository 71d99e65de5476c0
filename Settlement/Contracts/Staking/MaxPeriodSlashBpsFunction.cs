using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Most all slashes of a provider in one period may take, in bps.</summary>
[Function("maxPeriodSlashBps", "uint256")]
public sealed class MaxPeriodSlashBpsFunction : FunctionMessage
{
}
