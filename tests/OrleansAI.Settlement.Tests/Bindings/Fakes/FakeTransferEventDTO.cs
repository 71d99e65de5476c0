using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[Event("Transfer")]
public sealed class FakeTransferEventDTO : IEventDTO
{
    [Parameter("address", "from", 1, true)]
    public string From { get; set; } = string.Empty;

    [Parameter("address", "to", 2, false)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}
