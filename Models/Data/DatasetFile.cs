using System.Buffers.Binary;
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

    /// <summary>
    /// Reads a dataset file, refusing anything malformed (InvalidDataException): not exactly the
    /// tensors 'features' [examples, …] and 'labels' [examples], labels that are not whole numbers
    /// below the class count, or features that are not finite.
    /// </summary>
    public static LabeledDataset Read(ReadOnlySpan<byte> bytes)
    {
        var classes = Classes(Safetensors.ReadMetadata(bytes));
        var tensors = Safetensors.Read(bytes);
        if (tensors.Count != 2 || tensors.FirstOrDefault(t => t.Name == "features") is not { } features || tensors.FirstOrDefault(t => t.Name == "labels") is not { } labels)
        {
            throw new InvalidDataException("A dataset file holds exactly the tensors 'features' and 'labels'.");
        }

        CheckShapes(features.Shape, labels.Shape);
        var classLabels = new int[labels.Values.Length];
        for (var i = 0; i < classLabels.Length; i++)
        {
            classLabels[i] = Label(i, labels.Values[i], classes);
        }

        CheckFinite(features.Values);
        return new LabeledDataset(features.Shape[1..], features.Values, classLabels, classes);
    }

    /// <summary>
    /// Checks a dataset file as <see cref="Read"/> does while streaming through it once, holding
    /// only its header and one buffer: what an upload is checked with before it is stored.
    /// </summary>
    /// <param name="content">The file, positioned at its start.</param>
    /// <param name="length">The file's length in bytes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<DatasetSummary> InspectAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var prefix = new byte[8];
        await ReadExactlyAsync(content, prefix, length, cancellationToken);
        var headerLength = Safetensors.HeaderLength(prefix, length);
        var header = new byte[headerLength];
        await ReadExactlyAsync(content, header, length, cancellationToken);
        var classes = Classes(Safetensors.ReadHeaderMetadata(header));
        var layout = Safetensors.ReadLayout(header, length - 8 - headerLength);
        if (layout.Count != 2 || layout.FirstOrDefault(t => t.Name == "features") is not { } features || layout.FirstOrDefault(t => t.Name == "labels") is not { } labels)
        {
            throw new InvalidDataException("A dataset file holds exactly the tensors 'features' and 'labels'.");
        }

        CheckShapes(features.Shape, labels.Shape);
        // The layout tiles the data in byte order, so one pass in that order visits every value once.
        var buffer = new byte[64 * 1024];
        foreach (var entry in layout.OrderBy(e => e.Begin))
        {
            long done = 0;
            while (done < entry.Elements)
            {
                var take = (int)Math.Min(buffer.Length / 4, entry.Elements - done);
                await ReadExactlyAsync(content, buffer.AsMemory(0, take * 4), length, cancellationToken);
                for (var i = 0; i < take; i++)
                {
                    var value = BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(i * 4));
                    if (entry == labels)
                    {
                        Label(done + i, value, classes);
                    }
                    else if (!float.IsFinite(value))
                    {
                        throw new InvalidDataException("The features hold a NaN or infinity.");
                    }
                }

                done += take;
            }
        }

        return new DatasetSummary(features.Shape[0], features.Shape[1..], classes);
    }

    private static int Classes(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue("classes", out var classesText)
            && int.TryParse(classesText, NumberStyles.None, CultureInfo.InvariantCulture, out var classes) && classes is >= 2 and <= MaxClasses
            ? classes
            : throw new InvalidDataException($"The metadata must name the class count ('classes', 2 to {MaxClasses}).");

    private static void CheckShapes(int[] features, int[] labels)
    {
        if (features.Length < 2 || labels.Length != 1 || labels[0] != features[0] || features[0] == 0)
        {
            throw new InvalidDataException($"'features' must be [examples, …] and 'labels' [examples] with at least one example; got {Shape(features)} and {Shape(labels)}.");
        }

        if (features.AsSpan(1).ContainsAnyExceptInRange(1, int.MaxValue))
        {
            throw new InvalidDataException($"Every dimension of an example must be positive; 'features' is {Shape(features)}.");
        }
    }

    private static int Label(long index, float value, int classes) =>
        value >= 0 && value < classes && value == MathF.Floor(value)
            ? (int)value
            : throw new InvalidDataException($"Label {index} is {value.ToString(CultureInfo.InvariantCulture)}; labels are whole numbers in 0..{classes - 1}.");

    private static void CheckFinite(float[] values)
    {
        if (values.Any(v => !float.IsFinite(v)))
        {
            throw new InvalidDataException("The features hold a NaN or infinity.");
        }
    }

    private static async Task ReadExactlyAsync(Stream content, Memory<byte> buffer, long length, CancellationToken cancellationToken)
    {
        try
        {
            await content.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"The file of {length} bytes ends early.", ex);
        }
    }

    private static string Shape(int[] shape) => $"[{string.Join(", ", shape)}]";
}
