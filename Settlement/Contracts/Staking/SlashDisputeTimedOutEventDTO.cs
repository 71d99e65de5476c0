using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>resolveSlashDisputeByTimeout</c>, before its <c>SlashRestored</c>.</summary>
[Event("SlashDisputeTimedOut")]
public sealed class SlashDisputeTimedOutEventDTO : IEventDTO
{
    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 1, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Provider whose stake comes back.</summary>
    [Parameter("address", "provider", 2, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>The ruling deadline that passed.</summary>
    [Parameter("uint64", "ruleBy", 3, false)]
    public ulong RuleBy { get; set; }
}
