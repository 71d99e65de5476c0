using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>raiseDispute</c>.</summary>
[Event("DisputeRaised")]
public sealed class DisputeRaisedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Client or provider.</summary>
    [Parameter("address", "raisedBy", 2, true)]
    public string RaisedBy { get; set; } = string.Empty;

    /// <summary>Provider concerned.</summary>
    [Parameter("address", "provider", 3, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Reason hash.</summary>
    [Parameter("bytes32", "reasonHash", 4, false)]
    public byte[] ReasonHash { get; set; } = [];
}
