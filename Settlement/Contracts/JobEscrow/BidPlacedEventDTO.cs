using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>placeBid</c>.</summary>
[Event("BidPlaced")]
public sealed class BidPlacedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Price per task.</summary>
    [Parameter("uint256", "pricePerTask", 3, false)]
    public BigInteger PricePerTask { get; set; }
}
