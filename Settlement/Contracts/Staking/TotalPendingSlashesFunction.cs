using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Funds held by slashes that are pending or disputed.</summary>
[Function("totalPendingSlashes", "uint256")]
public sealed class TotalPendingSlashesFunction : FunctionMessage
{
}
