using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Result of <c>pendingSlash</c>: the struct, returned as one tuple.</summary>
[FunctionOutput]
public sealed class PendingSlashOutputDTO : IFunctionOutputDTO
{
    /// <summary>The recorded slash.</summary>
    [Parameter("tuple", "", 1)]
    public PendingSlashData Slash { get; set; } = new();
}
