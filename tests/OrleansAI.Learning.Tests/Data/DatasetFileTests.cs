namespace OrleansAI.Learning.Tests.Data;

public sealed class DatasetFileTests
{
    [Fact]
    public void ADatasetSurvivesTheRoundTripExactly()
    {
        var data = new LabeledDataset([2, 3], [.. Enumerable.Range(0, 24).Select(i => i * 0.5f)], [0, 2, 1, 2], 3);

        var read = DatasetFile.Read(DatasetFile.Write(data));

        Assert.Equal(data.ExampleShape, read.ExampleShape);
        Assert.Equal(data.Features, read.Features);
        Assert.Equal(data.Labels, read.Labels);
        Assert.Equal(3, read.Classes);
    }

    [Fact]
    public void TheSameDatasetAlwaysWritesTheSameBytes()
    {
        var data = new LabeledDataset([4], [.. Enumerable.Range(0, 8).Select(i => (float)i)], [1, 0], 2);

        Assert.Equal(DatasetFile.Write(data), DatasetFile.Write(data));
    }

    [Theory]
    [InlineData(1.5f, "whole numbers")]
    [InlineData(3f, "whole numbers")]
    [InlineData(-1f, "whole numbers")]
    public void ALabelThatIsNotAClassIsRefused(float label, string reason)
    {
        var bytes = Safetensors.Write(
            [new SafetensorsTensor("features", [2, 2], [0, 0, 0, 0]), new SafetensorsTensor("labels", [2], [0, label])],
            new Dictionary<string, string> { ["classes"] = "3" });

        Assert.Contains(reason, Assert.Throws<InvalidDataException>(() => DatasetFile.Read(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutTheClassCountOrWithMisshapenTensorsIsRefused()
    {
        var noClasses = Safetensors.Write([new SafetensorsTensor("features", [2, 2], [0, 0, 0, 0]), new SafetensorsTensor("labels", [2], [0, 1])]);
        var mismatched = Safetensors.Write(
            [new SafetensorsTensor("features", [2, 2], [0, 0, 0, 0]), new SafetensorsTensor("labels", [3], [0, 1, 1])],
            new Dictionary<string, string> { ["classes"] = "2" });
        var extra = Safetensors.Write(
            [new SafetensorsTensor("features", [1, 1], [0]), new SafetensorsTensor("labels", [1], [0]), new SafetensorsTensor("more", [1], [0])],
            new Dictionary<string, string> { ["classes"] = "2" });
        var infinite = Safetensors.Write(
            [new SafetensorsTensor("features", [1, 1], [float.PositiveInfinity]), new SafetensorsTensor("labels", [1], [0])],
            new Dictionary<string, string> { ["classes"] = "2" });

        Assert.Throws<InvalidDataException>(() => DatasetFile.Read(noClasses));
        Assert.Throws<InvalidDataException>(() => DatasetFile.Read(mismatched));
        Assert.Throws<InvalidDataException>(() => DatasetFile.Read(extra));
        Assert.Throws<InvalidDataException>(() => DatasetFile.Read(infinite));
        Assert.Throws<InvalidDataException>(() => DatasetFile.Read(new byte[] { 1, 2, 3 }));
    }
}
