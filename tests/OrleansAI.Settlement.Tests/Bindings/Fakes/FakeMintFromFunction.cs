using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[Function("mint")]
public sealed class FakeMintFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = string.Empty;

    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }
}
