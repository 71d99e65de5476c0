namespace OrleansAI.Learning.Tests.Data;

public sealed class FashionMnistTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RealTrainSplitHasSixtyThousandImagesWithSixThousandPerClassScaledToUnitInterval()
    {
        RequireInstalledDataset();

        var train = FashionMnist.Load(train: true);

        Assert.Equal(FashionMnist.TrainCount, train.Count);
        Assert.Equal([1, 28, 28], train.ExampleShape);
        Assert.Equal(10, train.Classes);
        Assert.All(train.LabelHistogram(), count => Assert.Equal(6_000, count));
        Assert.Equal(0f, train.Features.Min());
        Assert.Equal(1f, train.Features.Max());
        Assert.Equal(FashionMnist.PixelMean, train.Features.Average(), 4);
    }

    [Fact]
    public void RealTestSplitHasTenThousandImagesWithAThousandPerClass()
    {
        RequireInstalledDataset();

        var test = FashionMnist.Load(train: false);

        Assert.Equal(FashionMnist.TestCount, test.Count);
        Assert.Equal(FashionMnist.ExampleShape, test.ExampleShape);
        Assert.All(test.LabelHistogram(), count => Assert.Equal(1_000, count));
    }

    [Fact]
    public void NormalizationAppliesTheTrainingMeanAndStdToEverySplit()
    {
        RequireInstalledDataset();

        var raw = FashionMnist.Load(train: false);
        var normalized = FashionMnist.Load(train: false, normalize: true);

        Assert.Equal(raw.Labels, normalized.Labels);
        for (var i = 0; i < raw.Features.Length; i += 997)
        {
            Assert.Equal((raw.Features[i] - FashionMnist.PixelMean) / FashionMnist.PixelStd, normalized.Features[i], 5);
        }

        // The test split differs from train by under 0.001 in mean, so it lands near zero mean, unit spread.
        var mean = normalized.Features.Average();
        var std = Math.Sqrt(normalized.Features.Average(x => (x - mean) * (x - mean)));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(std, 0.98, 1.02);
    }

    [Fact]
    public void LoadsSyntheticPlainFilesWithPixelsDividedBy255()
    {
        byte[] pixels = [.. Enumerable.Range(0, 2 * 28 * 28).Select(i => (byte)(i % 256))];
        File.WriteAllBytes(_dir.File("t10k-images-idx3-ubyte"), IdxFiles.UnsignedBytes([2, 28, 28], pixels));
        File.WriteAllBytes(_dir.File("t10k-labels-idx1-ubyte"), IdxFiles.UnsignedBytes([2], [9, 4]));

        var data = FashionMnist.Load(train: false, directory: _dir.Path);

        Assert.Equal([9, 4], data.Labels);
        Assert.Equal(255 / 255f, data.Features[255]);
        Assert.Equal((28 * 28 % 256) / 255f, data.Example(1)[0]);
        Assert.Equal([1, 28, 28], data.ExampleShape);
    }

    [Fact]
    public void MismatchedImageAndLabelCountsAreRejected()
    {
        File.WriteAllBytes(_dir.File("train-images-idx3-ubyte.gz"), IdxFiles.Gzip(IdxFiles.UnsignedBytes([2, 28, 28], new byte[2 * 28 * 28])));
        File.WriteAllBytes(_dir.File("train-labels-idx1-ubyte.gz"), IdxFiles.Gzip(IdxFiles.UnsignedBytes([3], [1, 2, 3])));

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(train: true, directory: _dir.Path));

        Assert.Contains("2 train images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesThatAreNot28By28AreRejected()
    {
        File.WriteAllBytes(_dir.File("train-images-idx3-ubyte"), IdxFiles.UnsignedBytes([2, 32, 32], new byte[2 * 32 * 32]));
        File.WriteAllBytes(_dir.File("train-labels-idx1-ubyte"), IdxFiles.UnsignedBytes([2], [1, 2]));

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(train: true, directory: _dir.Path));

        Assert.Contains("[2, 32, 32]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsOutsideTheTenClassesAreRejected()
    {
        File.WriteAllBytes(_dir.File("train-images-idx3-ubyte"), IdxFiles.UnsignedBytes([2, 28, 28], new byte[2 * 28 * 28]));
        File.WriteAllBytes(_dir.File("train-labels-idx1-ubyte"), IdxFiles.UnsignedBytes([2], [1, 10]));

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(train: true, directory: _dir.Path));

        Assert.Contains("is 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectoryNamesThePackageToInstall()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => FashionMnist.Load(train: true, directory: _dir.File("absent")));

        Assert.Contains("dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileNamesThePackageToInstall()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(train: true, directory: _dir.Path));

        Assert.Contains("train-images-idx3-ubyte", error.Message, StringComparison.Ordinal);
        Assert.Contains("dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassNamesFollowTheDatasetLabelOrder()
    {
        Assert.Equal(10, FashionMnist.ClassNames.Count);
        Assert.Equal("T-shirt/top", FashionMnist.ClassNames[0]);
        Assert.Equal("Sneaker", FashionMnist.ClassNames[7]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[9]);
    }

    private static void RequireInstalledDataset() =>
        Assert.True(
            Directory.Exists(FashionMnist.DefaultDirectory),
            $"Fashion-MNIST is not installed at {FashionMnist.DefaultDirectory}: install the Debian package dataset-fashion-mnist (infra/local/stack.sh install does).");
}
