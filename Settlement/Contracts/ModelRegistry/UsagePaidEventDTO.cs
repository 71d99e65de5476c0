using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Emitted by <c>payPerUse</c>.</summary>
[Event("UsagePaid")]
public sealed class UsagePaidEventDTO : IEventDTO
{
    /// <summary>Model.</summary>
    [Parameter("uint256", "modelId", 1, true)]
    public BigInteger ModelId { get; set; }

    /// <summary>Payer.</summary>
    [Parameter("address", "payer", 2, true)]
    public string Payer { get; set; } = string.Empty;

    /// <summary>Token.</summary>
    [Parameter("address", "token", 3, true)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Uses paid.</summary>
    [Parameter("uint256", "uses", 4, false)]
    public BigInteger Uses { get; set; }

    /// <summary>Amount paid.</summary>
    [Parameter("uint256", "amount", 5, false)]
    public BigInteger Amount { get; set; }
}
