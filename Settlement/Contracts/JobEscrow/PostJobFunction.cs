using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Posts and funds a job; the budget is pulled from the caller (approve the escrow first).</summary>
[Function("postJob")]
public sealed class PostJobFunction : FunctionMessage
{
    /// <summary>Unique id (derive it with <see cref="SettlementIds.JobId"/>).</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Hash of the job specification.</summary>
    [Parameter("bytes32", "specHash", 2)]
    public byte[] SpecHash { get; set; } = [];

    /// <summary>ERC-20 the job pays in.</summary>
    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Amount funded.</summary>
    [Parameter("uint256", "budget", 4)]
    public BigInteger Budget { get; set; }

    /// <summary>Unix time after which an uncompleted job can be closed.</summary>
    [Parameter("uint256", "deadline", 5)]
    public BigInteger Deadline { get; set; }
}
