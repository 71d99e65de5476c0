using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>Pauses the contract (GUARDIAN_ROLE or GOVERNOR_ROLE).</summary>
[Function("pause")]
public sealed class PauseFunction : FunctionMessage
{
}
