using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Number of registered models (ids run from 1).</summary>
[Function("modelCount", "uint256")]
public sealed class ModelCountFunction : FunctionMessage
{
}
