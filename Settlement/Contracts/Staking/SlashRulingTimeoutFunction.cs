using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Seconds the arbiter has to rule on a disputed slash.</summary>
[Function("slashRulingTimeout", "uint256")]
public sealed class SlashRulingTimeoutFunction : FunctionMessage
{
}
