using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Emitted by <c>buyLicense</c>.</summary>
[Event("LicensePurchased")]
public sealed class LicensePurchasedEventDTO : IEventDTO
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1, true)]
    public BigInteger ModelId { get; set; }

    /// <summary>Buyer.</summary>
    [Parameter("address", "licensee", 2, true)]
    public string Licensee { get; set; } = string.Empty;

    /// <summary>Token.</summary>
    [Parameter("address", "token", 3, true)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Price paid.</summary>
    [Parameter("uint256", "price", 4, false)]
    public BigInteger Price { get; set; }
}
