using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Records (or replaces) a provider's bid; the provider must be staked.</summary>
[Function("placeBid")]
public sealed class PlaceBidFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Price per task in the job token.</summary>
    [Parameter("uint256", "pricePerTask", 2)]
    public BigInteger PricePerTask { get; set; }
}
