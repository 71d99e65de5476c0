using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Pays out the whole unbonding amount once its cooldown has passed.</summary>
[Function("withdraw")]
public sealed class WithdrawFunction : FunctionMessage
{
}
