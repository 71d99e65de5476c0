using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>postJob</c>; check <see cref="Client"/> before running work for the id.</summary>
[Event("JobPosted")]
public sealed class JobPostedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Poster.</summary>
    [Parameter("address", "client", 2, true)]
    public string Client { get; set; } = string.Empty;

    /// <summary>Token.</summary>
    [Parameter("address", "token", 3, true)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Amount funded.</summary>
    [Parameter("uint256", "budget", 4, false)]
    public BigInteger Budget { get; set; }

    /// <summary>Deadline.</summary>
    [Parameter("uint256", "deadline", 5, false)]
    public BigInteger Deadline { get; set; }

    /// <summary>Specification hash.</summary>
    [Parameter("bytes32", "specHash", 6, false)]
    public byte[] SpecHash { get; set; } = [];
}
