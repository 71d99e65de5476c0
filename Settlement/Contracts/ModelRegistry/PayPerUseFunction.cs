using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Pays for uses at the per-use price (no licence granted).</summary>
[Function("payPerUse")]
public sealed class PayPerUseFunction : FunctionMessage
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1)]
    public BigInteger ModelId { get; set; }

    /// <summary>Number of uses (at most 1,000,000).</summary>
    [Parameter("uint256", "uses", 2)]
    public BigInteger Uses { get; set; }

    /// <summary>Expected token.</summary>
    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Highest acceptable unit price.</summary>
    [Parameter("uint256", "maxUnitPrice", 4)]
    public BigInteger MaxUnitPrice { get; set; }
}
