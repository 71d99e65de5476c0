using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Slashes a provider (SLASHER_ROLE), active stake first, once per evidence hash.</summary>
[Function("slash")]
public sealed class SlashFunction : FunctionMessage
{
    /// <summary>Provider slashed.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount in wei, at most maxSlashOf.</summary>
    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    /// <summary>Hash of the off-chain evidence; usable once.</summary>
    [Parameter("bytes32", "evidenceHash", 3)]
    public byte[] EvidenceHash { get; set; } = [];

    /// <summary>Credited with the amount; the zero address credits the treasury.</summary>
    [Parameter("address", "beneficiary", 4)]
    public string Beneficiary { get; set; } = string.Empty;
}
