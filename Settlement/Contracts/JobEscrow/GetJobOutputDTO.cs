using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Result of <c>getJob</c>: the job struct, returned as one tuple.</summary>
[FunctionOutput]
public sealed class GetJobOutputDTO : IFunctionOutputDTO
{
    /// <summary>The stored job.</summary>
    [Parameter("tuple", "", 1)]
    public JobData Job { get; set; } = new();
}
