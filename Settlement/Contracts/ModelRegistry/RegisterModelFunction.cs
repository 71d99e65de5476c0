using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Registers a model version (PLATFORM_ROLE) with its contributors' revenue shares.</summary>
[Function("registerModel", "uint256")]
public sealed class RegisterModelFunction : FunctionMessage
{
    /// <summary>Model owner (gets the rest of every payment).</summary>
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>SHA-256 of the weights.</summary>
    [Parameter("bytes32", "weightsHash", 2)]
    public byte[] WeightsHash { get; set; } = [];

    /// <summary>Where the metadata lives.</summary>
    [Parameter("string", "metadataUri", 3)]
    public string MetadataUri { get; set; } = string.Empty;

    /// <summary>Version this one derives from, or 0.</summary>
    [Parameter("uint256", "parentId", 4)]
    public BigInteger ParentId { get; set; }

    /// <summary>Providers that trained it (distinct, at most 32).</summary>
    [Parameter("address[]", "contributors", 5)]
    public List<string> Contributors { get; set; } = [];

    /// <summary>Their shares in bps.</summary>
    [Parameter("uint16[]", "sharesBps", 6)]
    public List<ushort> SharesBps { get; set; } = [];
}
