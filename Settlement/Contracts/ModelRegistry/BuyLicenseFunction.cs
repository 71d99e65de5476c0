using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Buys a perpetual licence; token and maxPrice guard against changed terms.</summary>
[Function("buyLicense")]
public sealed class BuyLicenseFunction : FunctionMessage
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1)]
    public BigInteger ModelId { get; set; }

    /// <summary>Expected token.</summary>
    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Highest acceptable price.</summary>
    [Parameter("uint256", "maxPrice", 3)]
    public BigInteger MaxPrice { get; set; }
}
