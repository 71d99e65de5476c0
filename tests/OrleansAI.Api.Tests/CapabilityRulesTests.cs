using OrleansAI.Protocol;

namespace OrleansAI.Api.Tests;

public sealed class CapabilityRulesTests
{
    private static Register Valid() => new()
    {
        Agent = "node",
        Capabilities = new Capabilities { Device = "cpu", MemoryMb = 1024, Datasets = { "fashion-mnist", "fashion-mnist" }, PricePerTask = "5", MaxConcurrentTasks = 2 },
    };

    [Fact]
    public void SaneCapabilitiesAreAcceptedWithDuplicateDatasetsMerged()
    {
        var (capabilities, error) = CapabilityRules.Parse(Valid());

        Assert.Null(error);
        Assert.Equal(["fashion-mnist"], capabilities!.Datasets);
        Assert.Equal(5m, capabilities.PricePerTask);
    }

    [Theory]
    [InlineData("device")]
    [InlineData("memory")]
    [InlineData("dataset-name")]
    [InlineData("no-datasets")]
    [InlineData("price")]
    [InlineData("tasks")]
    public void EachOutOfBoundsFieldIsRefusedWithItsReason(string field)
    {
        var register = Valid();
        var c = register.Capabilities;
        switch (field)
        {
            case "device": c.Device = "tpu"; break;
            case "memory": c.MemoryMb = -1; break;
            case "dataset-name": c.Datasets.Add("../../etc/passwd"); break;
            case "no-datasets": c.Datasets.Clear(); break;
            case "price": c.PricePerTask = "-3"; break;
            case "tasks": c.MaxConcurrentTasks = 1_000; break;
        }

        var (capabilities, error) = CapabilityRules.Parse(register);

        Assert.Null(capabilities);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
