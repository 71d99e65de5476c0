using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>slash</c>.</summary>
[Event("Slashed")]
public sealed class SlashedEventDTO : IEventDTO
{
    /// <summary>Provider slashed.</summary>
    [Parameter("address", "provider", 1, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Evidence hash.</summary>
    [Parameter("bytes32", "evidenceHash", 2, true)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Credited account.</summary>
    [Parameter("address", "recipient", 3, true)]
    public string Recipient { get; set; } = string.Empty;

    /// <summary>Amount slashed.</summary>
    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Part taken from active stake.</summary>
    [Parameter("uint256", "fromActive", 5, false)]
    public BigInteger FromActive { get; set; }

    /// <summary>Part taken from unbonding stake.</summary>
    [Parameter("uint256", "fromUnbonding", 6, false)]
    public BigInteger FromUnbonding { get; set; }

    /// <summary>Caller holding SLASHER_ROLE.</summary>
    [Parameter("address", "slasher", 7, false)]
    public string Slasher { get; set; } = string.Empty;
}
