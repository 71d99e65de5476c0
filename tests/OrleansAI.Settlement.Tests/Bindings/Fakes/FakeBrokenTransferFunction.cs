using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Tests.Bindings.Fakes;

[Function("transfer", "uint256")]
public sealed class FakeBrokenTransferFunction : FunctionMessage
{
    [Parameter("address", "recipient", 1)]
    public string Recipient { get; set; } = string.Empty;

    [Parameter("uint128", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("bytes", "memo", 3)]
    public byte[] Memo { get; set; } = [];
}
