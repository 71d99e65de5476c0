using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[FunctionOutput]
public sealed class FakePositionOutputDTO : IFunctionOutputDTO
{
    [Parameter("uint256", "amount", 1)]
    public BigInteger Amount { get; set; }

    [Parameter("uint256", "until", 2)]
    public BigInteger Until { get; set; }
}
