using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Grants a free perpetual licence (the owner).</summary>
[Function("grantLicense")]
public sealed class GrantLicenseFunction : FunctionMessage
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1)]
    public BigInteger ModelId { get; set; }

    /// <summary>Licensee.</summary>
    [Parameter("address", "user", 2)]
    public string User { get; set; } = string.Empty;
}
