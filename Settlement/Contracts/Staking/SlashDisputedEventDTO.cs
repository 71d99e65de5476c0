using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>disputeSlash</c>.</summary>
[Event("SlashDisputed")]
public sealed class SlashDisputedEventDTO : IEventDTO
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Provider disputing.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;
}
