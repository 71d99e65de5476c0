namespace OrleansAI.Settlement.Tests;

public sealed class IdentifierTests
{
    [Fact]
    public void Bytes32RoundTripsThroughTextAndBytesAndZeroIsDefault()
    {
        var value = Bytes32.Keccak("x");

        Assert.Equal(value, Bytes32.Parse(value.ToString().ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
        Assert.Equal(value, Bytes32.FromBytes(value.ToArray()));
        Assert.Equal(Bytes32.Zero, Bytes32.FromBytes(new byte[32]));
        Assert.True(default(Bytes32).IsZero);
        Assert.Equal("0x" + new string('0', 64), default(Bytes32).ToString());
        Assert.Throws<FormatException>(() => Bytes32.Parse("0x1234"));
    }

    [Fact]
    public void JobIdIsBoundToTheClientAndTaskIdToTheJob()
    {
        const string client = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
        const string other = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

        Assert.Equal(SettlementIds.JobId(client, "job-1"), SettlementIds.JobId(client.ToLowerInvariant(), "job-1"));
        Assert.NotEqual(SettlementIds.JobId(client, "job-1"), SettlementIds.JobId(other, "job-1"));
        var job = SettlementIds.JobId(client, "job-1");
        Assert.NotEqual(SettlementIds.TaskId(job, "t"), SettlementIds.TaskId(SettlementIds.JobId(client, "job-2"), "t"));
        Assert.Equal("GOVERNOR_ROLE", Roles.NameOf(Roles.Governor));
    }
}
