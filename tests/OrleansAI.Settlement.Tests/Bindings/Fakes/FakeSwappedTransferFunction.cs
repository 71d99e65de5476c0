using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[Function("transfer", "bool")]
public sealed class FakeSwappedTransferFunction : FunctionMessage
{
    [Parameter("uint256", "amount", 1)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;
}
