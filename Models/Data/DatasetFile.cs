using OrleansAI.Models.Weights;

namespace OrleansAI.Models.Data;

/// <summary>
/// A labelled dataset as one safetensors file, the form clients upload for data-parallel jobs and
/// the platform hands shards to providers in: a float32 tensor <c>features</c> of shape
/// [examples, …example shape], a float32 tensor <c>labels</c> of shape [examples] holding whole
/// class numbers, and the class count in the metadata (<c>classes</c>). Float labels keep the file
/// readable by every safetensors library without an integer dtype; class numbers up to 2^24 are exact.
/// </summary>
public static class DatasetFile
{
    /// <summary>Most classes a dataset may declare.</summary>
    public const int MaxClasses = 100_000;

    /// <summary>Writes <paramref name="data"/>.</summary>
    public static byte[] Write(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Safetensors.Write(
            [
                new SafetensorsTensor("features", [data.Count, .. data.ExampleShape], data.Features),
                new SafetensorsTensor("labels", [data.Count], [.. data.Labels.Select(l => (float)l)]),
            ],
            new Dictionary<string, string> { ["classes"] = data.Classes.ToString(CultureInfo.InvariantCulture), ["format"] = "orleansai-dataset-v1" });
    }

    /// <summary>Reads a dataset file, refusing anything that is not exactly the format above.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed dataset file.</exception>
    public static LabeledDataset Read(ReadOnlySpan<byte> bytes)
    {
        var metadata = Safetensors.ReadMetadata(bytes);
        if (!metadata.TryGetValue("classes", out var classesText)
            || !int.TryParse(classesText, NumberStyles.None, CultureInfo.InvariantCulture, out var classes) || classes is < 2 or > MaxClasses)
        {
            throw new InvalidDataException($"The metadata must name the class count ('classes', 2 to {MaxClasses}).");
        }

        var tensors = Safetensors.Read(bytes);
        var features = tensors.FirstOrDefault(t => t.Name == "features") ?? throw new InvalidDataException("There is no 'features' tensor.");
        var labels = tensors.FirstOrDefault(t => t.Name == "labels") ?? throw new InvalidDataException("There is no 'labels' tensor.");
        if (tensors.Count != 2)
        {
            throw new InvalidDataException("A dataset file holds exactly the tensors 'features' and 'labels'.");
        }

        if (features.Shape.Length < 2 || labels.Shape.Length != 1 || labels.Shape[0] != features.Shape[0] || features.Shape[0] == 0)
        {
            throw new InvalidDataException($"'features' must be [examples, …] and 'labels' [examples] with at least one example; got {Shape(features.Shape)} and {Shape(labels.Shape)}.");
        }

        if (features.Shape.AsSpan(1).ContainsAnyExceptInRange(1, int.MaxValue))
        {
            throw new InvalidDataException($"Every dimension of an example must be positive; 'features' is {Shape(features.Shape)}.");
        }

        var classLabels = new int[labels.Values.Length];
        for (var i = 0; i < classLabels.Length; i++)
        {
            var value = labels.Values[i];
            if (!(value >= 0 && value < classes) || value != MathF.Floor(value))
            {
                throw new InvalidDataException($"Label {i} is {value.ToString(CultureInfo.InvariantCulture)}; labels are whole numbers in 0..{classes - 1}.");
            }

            classLabels[i] = (int)value;
        }

        if (features.Values.Any(v => !float.IsFinite(v)))
        {
            throw new InvalidDataException("The features hold a NaN or infinity.");
        }

        return new LabeledDataset(features.Shape[1..], features.Values, classLabels, classes);
    }

    private static string Shape(int[] shape) => $"[{string.Join(", ", shape)}]";
}
