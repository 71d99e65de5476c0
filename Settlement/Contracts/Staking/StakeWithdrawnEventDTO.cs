using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by Staking <c>withdraw</c> (not to be confused with the escrow's and registry's <c>Withdrawn(token, account, amount)</c>).</summary>
[Event("Withdrawn")]
public sealed class StakeWithdrawnEventDTO : IEventDTO
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount paid out.</summary>
    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }
}
