using System.Text;
using Nethereum.Util;

namespace OrleansAI.Settlement.Tests;

public sealed class RevertDecoderTests
{
    private static string Selector(string signature) =>
        "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(Encoding.ASCII.GetBytes(signature)))[..8];

    private static string Word(string hexWithoutPrefix) => hexWithoutPrefix.PadLeft(64, '0');

    [Fact]
    public void CustomErrorIsDecodedByNameWithItsArguments()
    {
        var job = Bytes32.Keccak("job");
        var task = Bytes32.Keccak("task");
        var data = Selector("TaskAlreadyPaid(bytes32,bytes32)") + job.ToString()[2..] + task.ToString()[2..];

        var revert = RevertDecoder.Default.Decode(data);

        Assert.Equal("TaskAlreadyPaid", revert.Name);
        Assert.Equal(["jobId", "taskId"], revert.Arguments.Select(a => a.Name));
        Assert.Equal(task.ToString(), revert.Arguments[1].FormattedValue);
        Assert.Equal($"TaskAlreadyPaid(jobId={job}, taskId={task})", revert.ToString());
    }

    [Fact]
    public void InheritedOpenZeppelinErrorIsDecoded()
    {
        var account = "70997970c51812dc3a010c7d01b50e0d17dc79c8";
        var data = Selector("AccessControlUnauthorizedAccount(address,bytes32)") + Word(account) + Roles.Platform.ToString()[2..];

        var revert = RevertDecoder.Default.Decode(data);

        Assert.Equal("AccessControlUnauthorizedAccount", revert.Name);
        Assert.Equal("0x" + account, revert.Arguments[0].FormattedValue, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Roles.Platform.ToString(), revert.Arguments[1].FormattedValue);
    }

    [Fact]
    public void RequireMessageIsDecodedAsError()
    {
        var text = "not allowed";
        var data = "0x08c379a0" + Word("20") + Word(text.Length.ToString("x")) + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)).PadRight(64, '0');

        var revert = RevertDecoder.Default.Decode(data);

        Assert.Equal("Error", revert.Name);
        Assert.Equal(text, revert.Reason);
    }

    [Fact]
    public void PanicIsDecodedWithItsMeaning()
    {
        var revert = RevertDecoder.Default.Decode("0x4e487b71" + Word("11"));

        Assert.Equal("Panic", revert.Name);
        Assert.Contains("overflow", revert.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSelectorAndEmptyDataAreReportedAsSuch()
    {
        var unknown = RevertDecoder.Default.Decode("0xdeadbeef");
        var empty = RevertDecoder.Default.Decode("0x");

        Assert.Null(unknown.Name);
        Assert.Contains("0xdeadbeef", unknown.ToString(), StringComparison.Ordinal);
        Assert.Null(empty.Name);
        Assert.Equal("revert without data", empty.ToString());
    }

    [Theory]
    [InlineData("TaskAlreadyPaid(bytes32,bytes32)", "TaskAlreadyPaid")]
    [InlineData("UnbondingNotReady(uint256)", "UnbondingNotReady")]
    [InlineData("ERC20InsufficientAllowance(address,uint256,uint256)", "ERC20InsufficientAllowance")]
    [InlineData("SafeERC20FailedOperation(address)", "SafeERC20FailedOperation")]
    [InlineData("UnexpectedState(uint256,uint8)", "UnexpectedState")]
    [InlineData("SharesExceedBound(uint256,uint256)", "SharesExceedBound")]
    [InlineData("EpochInPast(uint256,uint256)", "EpochInPast")]
    public void EveryContractsErrorsAreKnown(string signature, string name)
    {
        Assert.Equal(name, RevertDecoder.Default.NameOf(Selector(signature)));
    }
}
