using OrleansAI.Settlement.Tests.Bindings;
using OrleansAI.Settlement.Tests.Bindings.Fakes;

namespace OrleansAI.Settlement.Tests;

public sealed class BindingComparerTests
{
    private const string FakeAbiJson = """
        [
          {"type":"constructor","inputs":[{"name":"holder","type":"address"}],"stateMutability":"nonpayable"},
          {"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}],"stateMutability":"nonpayable"},
          {"type":"function","name":"mint","inputs":[{"name":"to","type":"address"}],"outputs":[],"stateMutability":"nonpayable"},
          {"type":"function","name":"mint","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[],"stateMutability":"nonpayable"},
          {"type":"function","name":"balanceOf","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"","type":"uint256"}],"stateMutability":"view"},
          {"type":"function","name":"position","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"amount","type":"uint256"},{"name":"until","type":"uint64"}],"stateMutability":"view"},
          {"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}],"anonymous":false},
          {"type":"error","name":"Insufficient","inputs":[{"name":"needed","type":"uint256"}]}
        ]
        """;

    private static readonly ContractAbi Abi = ContractAbi.Parse("Fake", FakeAbiJson);

    private static IReadOnlyList<string> Compare<TBinding>() =>
        BindingComparer.Compare(BindingReader.Read(typeof(TBinding)) ?? throw new InvalidOperationException($"{typeof(TBinding).Name} is not a binding"), Abi);

    [Fact]
    public void BindingThatMatchesTheAbiHasNoMismatch()
    {
        Assert.Empty(Compare<FakeTransferFunction>());
    }

    [Fact]
    public void RenamedParameterIsReportedWithBothNames()
    {
        var problem = Assert.Single(Compare<FakeRenamedTransferFunction>());

        Assert.Contains("Fake: FakeRenamedTransferFunction (transfer(address,uint256))", problem, StringComparison.Ordinal);
        Assert.Contains("is named 'recipient', the ABI names it 'to'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongSolidityTypeIsReportedWithBothTypes()
    {
        var problem = Assert.Single(Compare<FakeWrongTypeTransferFunction>());

        Assert.Contains("parameter 'amount' (FakeWrongTypeTransferFunction.Amount) is uint128, the ABI has uint256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappedOrderIsReportedForEachMovedParameter()
    {
        var problems = Compare<FakeSwappedTransferFunction>();

        Assert.Contains(problems, p => p.Contains("parameter 'to' (FakeSwappedTransferFunction.To) has order 2, the ABI has it at position 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("parameter 'amount' (FakeSwappedTransferFunction.Amount) has order 1, the ABI has it at position 2", StringComparison.Ordinal));
    }

    [Fact]
    public void FunctionMissingFromTheAbiIsReported()
    {
        var problem = Assert.Single(Compare<FakeBurnFunction>());

        Assert.Equal("Fake: FakeBurnFunction: function 'burn' does not exist in the ABI of Fake", problem);
    }

    [Fact]
    public void OverloadIsMatchedByItsParameterTypes()
    {
        Assert.Empty(Compare<FakeMintFunction>());
    }

    [Fact]
    public void BindingThatMatchesNoOverloadListsTheOverloads()
    {
        var problem = Assert.Single(Compare<FakeMintFromFunction>());

        Assert.Contains("no overload of function 'mint' matches mint(address,address,uint256); the ABI has mint(address), mint(address,uint256)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EventFieldWithTheWrongIndexedFlagIsReported()
    {
        var problem = Assert.Single(Compare<FakeTransferEventDTO>());

        Assert.Contains("parameter 'to' (FakeTransferEventDTO.To) has indexed=False, the ABI indexed=True", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputDtoWhoseShapeDiffersIsReported()
    {
        var problem = Assert.Single(Compare<FakePositionFunction>());

        Assert.Contains("output FakePositionOutputDTO: parameter 'until' (FakePositionOutputDTO.Until) is uint256, the ABI has uint64", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingThatLeavesOutTheReturnTypeIsReported()
    {
        var problem = Assert.Single(Compare<FakeBalanceOfFunction>());

        Assert.Contains("declares no return value, the ABI returns (uint256)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMismatchOfOneBindingIsReportedTogether()
    {
        var problems = Compare<FakeBrokenTransferFunction>();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("is named 'recipient', the ABI names it 'to'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is uint128, the ABI has uint256", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("FakeBrokenTransferFunction.Memo ('memo', bytes, order 3) is not a parameter in the ABI", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the binding returns uint256, the ABI returns (bool)", StringComparison.Ordinal));
    }
}
