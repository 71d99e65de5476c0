using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[Function("transfer", "bool")]
public sealed class FakeWrongTypeTransferFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint128", "amount", 2)]
    public BigInteger Amount { get; set; }
}
