using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Sets the licence token and prices (the model owner; 0 disables a way of paying).</summary>
[Function("setLicenseTerms")]
public sealed class SetLicenseTermsFunction : FunctionMessage
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1)]
    public BigInteger ModelId { get; set; }

    /// <summary>Token.</summary>
    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Perpetual licence price.</summary>
    [Parameter("uint256", "licensePrice", 3)]
    public BigInteger LicensePrice { get; set; }

    /// <summary>Price per use.</summary>
    [Parameter("uint256", "usePrice", 4)]
    public BigInteger UsePrice { get; set; }
}
