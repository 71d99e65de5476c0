using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by the constructor and <c>setDisputeWindow</c>.</summary>
[Event("DisputeWindowUpdated")]
public sealed class DisputeWindowUpdatedEventDTO : IEventDTO
{
    /// <summary>Previous window in seconds.</summary>
    [Parameter("uint256", "previous", 1, false)]
    public BigInteger Previous { get; set; }

    /// <summary>New window in seconds.</summary>
    [Parameter("uint256", "current", 2, false)]
    public BigInteger Current { get; set; }
}
