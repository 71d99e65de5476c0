using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Emitted by <c>registerModel</c>.</summary>
[Event("ModelRegistered")]
public sealed class ModelRegisteredEventDTO : IEventDTO
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1, true)]
    public BigInteger ModelId { get; set; }

    /// <summary>Owner.</summary>
    [Parameter("address", "owner", 2, true)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>Parent version.</summary>
    [Parameter("uint256", "parentId", 3, true)]
    public BigInteger ParentId { get; set; }

    /// <summary>Weights hash.</summary>
    [Parameter("bytes32", "weightsHash", 4, false)]
    public byte[] WeightsHash { get; set; } = [];

    /// <summary>Metadata URI.</summary>
    [Parameter("string", "metadataUri", 5, false)]
    public string MetadataUri { get; set; } = string.Empty;

    /// <summary>Contributors.</summary>
    [Parameter("address[]", "contributors", 6, false)]
    public List<string> Contributors { get; set; } = [];

    /// <summary>Their shares.</summary>
    [Parameter("uint16[]", "sharesBps", 7, false)]
    public List<ushort> SharesBps { get; set; } = [];
}
