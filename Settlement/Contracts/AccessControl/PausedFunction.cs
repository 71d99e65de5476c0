using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>Whether the contract is paused.</summary>
[Function("paused", "bool")]
public sealed class PausedFunction : FunctionMessage
{
}
