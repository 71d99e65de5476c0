using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>resolveDispute</c>.</summary>
[Event("DisputeResolved")]
public sealed class DisputeResolvedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Provider concerned.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Awarded from the remainder (gross).</summary>
    [Parameter("uint256", "providerAward", 3, false)]
    public BigInteger ProviderAward { get; set; }

    /// <summary>Fee on the award.</summary>
    [Parameter("uint256", "providerFee", 4, false)]
    public BigInteger ProviderFee { get; set; }

    /// <summary>Refunded from the remainder.</summary>
    [Parameter("uint256", "clientRefund", 5, false)]
    public BigInteger ClientRefund { get; set; }

    /// <summary>Moved from the provider to the client.</summary>
    [Parameter("uint256", "clawback", 6, false)]
    public BigInteger Clawback { get; set; }
}
