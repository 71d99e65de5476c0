using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Transfers a model to a new owner (the owner).</summary>
[Function("transferModelOwnership")]
public sealed class TransferModelOwnershipFunction : FunctionMessage
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1)]
    public BigInteger ModelId { get; set; }

    /// <summary>New owner.</summary>
    [Parameter("address", "newOwner", 2)]
    public string NewOwner { get; set; } = string.Empty;
}
