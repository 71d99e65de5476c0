using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Emitted by <c>transferModelOwnership</c>.</summary>
[Event("ModelOwnershipTransferred")]
public sealed class ModelOwnershipTransferredEventDTO : IEventDTO
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1, true)]
    public BigInteger ModelId { get; set; }

    /// <summary>Previous owner.</summary>
    [Parameter("address", "previousOwner", 2, true)]
    public string PreviousOwner { get; set; } = string.Empty;

    /// <summary>New owner.</summary>
    [Parameter("address", "newOwner", 3, true)]
    public string NewOwner { get; set; } = string.Empty;
}
