using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>Lifts a pause (GOVERNOR_ROLE only).</summary>
[Function("unpause")]
public sealed class UnpauseFunction : FunctionMessage
{
}
