using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>True when the user bought or was granted a licence, or owns the model.</summary>
[Function("hasLicense", "bool")]
public sealed class HasLicenseFunction : FunctionMessage
{
    /// <summary>User.</summary>
    [Parameter("address", "user", 1)]
    public string User { get; set; } = string.Empty;

    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 2)]
    public BigInteger ModelId { get; set; }
}
