namespace OrleansAI.Learning.Data;

/// <summary>
/// Loads Fashion-MNIST (Zalando's 28×28 grey clothing images, 10 classes) from the IDX files the
/// Debian package <c>dataset-fashion-mnist</c> installs, so experiments use a real, fixed benchmark
/// without any download at run time.
/// </summary>
/// <remarks>
/// Pixels become floats in [0, 1] (byte / 255). With <c>normalize: true</c> they are further
/// standardised with the training set's global pixel mean and standard deviation
/// (<see cref="PixelMean"/>, <see cref="PixelStd"/>), the same constants for train and test, so the
/// test set never leaks into the transform and every client in a federation applies the identical one.
/// </remarks>
public static class FashionMnist
{
    /// <summary>Where <c>dataset-fashion-mnist</c> installs the files (also what <c>infra/local/stack.sh install</c> provides).</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Images in the official training split.</summary>
    public const int TrainCount = 60_000;

    /// <summary>Images in the official test split.</summary>
    public const int TestCount = 10_000;

    /// <summary>Height and width of each image.</summary>
    public const int ImageSide = 28;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Mean of all training pixels after scaling to [0, 1] (0.28604 measured on the 47,040,000 pixels).</summary>
    public const float PixelMean = 0.2860406f;

    /// <summary>Population standard deviation of all training pixels after scaling to [0, 1] (0.35302 measured).</summary>
    public const float PixelStd = 0.3530242f;

    private const string PackageHint = "install the Debian package dataset-fashion-mnist (infra/local/stack.sh install does)";

    /// <summary>Names of the classes, indexed by label, in the order the dataset defines.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>The shape of one example as <see cref="Load"/> returns it: one channel of 28×28.</summary>
    public static IReadOnlyList<int> ExampleShape { get; } = [1, ImageSide, ImageSide];

    /// <summary>
    /// Loads the training (<paramref name="train"/> true, 60,000 images) or test (10,000) split from
    /// <paramref name="directory"/>, which holds the four IDX files, gzip-compressed or not.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory is missing; the message says which package to install.</exception>
    /// <exception cref="FileNotFoundException">One of the files is missing.</exception>
    /// <exception cref="InvalidDataException">The files are corrupt or disagree with each other.</exception>
    public static LabeledDataset Load(bool train, string directory = DefaultDirectory, bool normalize = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Fashion-MNIST directory '{directory}' does not exist; {PackageHint}.");
        }

        var prefix = train ? "train" : "t10k";
        var images = IdxReader.Read(Locate(directory, $"{prefix}-images-idx3-ubyte"));
        var labels = IdxReader.Read(Locate(directory, $"{prefix}-labels-idx1-ubyte"));
        if (images.Dimensions.Count != 3 || images.Dimensions[1] != ImageSide || images.Dimensions[2] != ImageSide)
        {
            throw new InvalidDataException($"Fashion-MNIST images in '{directory}' have dimensions [{string.Join(", ", images.Dimensions)}], expected [count, {ImageSide}, {ImageSide}].");
        }

        if (labels.Dimensions.Count != 1 || labels.Count != images.Count)
        {
            throw new InvalidDataException($"Fashion-MNIST in '{directory}' has {images.Count} {prefix} images but labels of dimensions [{string.Join(", ", labels.Dimensions)}].");
        }

        var lookup = new float[256];
        for (var value = 0; value < lookup.Length; value++)
        {
            var scaled = value / 255f;
            lookup[value] = normalize ? (scaled - PixelMean) / PixelStd : scaled;
        }

        var pixels = images.Data;
        var features = GC.AllocateUninitializedArray<float>(pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            features[i] = lookup[pixels[i]];
        }

        var classes = new int[labels.Count];
        for (var i = 0; i < classes.Length; i++)
        {
            int label = labels.Data[i];
            if (label >= ClassCount)
            {
                throw new InvalidDataException($"Fashion-MNIST {prefix} label {i} in '{directory}' is {label}; labels run from 0 to {ClassCount - 1}.");
            }

            classes[i] = label;
        }

        return new LabeledDataset(ExampleShape, features, classes, ClassCount);
    }

    private static string Locate(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Fashion-MNIST file '{name}.gz' (or '{name}') is missing from '{directory}'; {PackageHint}.", Path.Combine(directory, name + ".gz"));
    }
}
