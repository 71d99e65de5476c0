namespace OrleansAI.Api.Inference;

/// <summary>
/// The outputs a classifier's request may ask for: the model's own scores, the predicted class
/// (<c>label</c>, INT64) and, with the classification extension's <c>classification: k</c>
/// parameter on an output, its top k as BYTES <c>"score:index"</c>.
/// </summary>
public static class InferenceOutputs
{
    /// <summary>The predicted-class output.</summary>
    public const string Label = "label";

    /// <summary>The tensors to return for <paramref name="request"/>; throws <see cref="OipRequestException"/> for an unknown output.</summary>
    public static IReadOnlyList<OipOutputTensor> Build(OipInferRequest request, ServedModel model, float[] scores, int rows)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scores);
        var width = model.OutputWidth;
        if (request.Outputs.Count == 0)
        {
            return [Scores(model, scores, rows, request.BinaryDataOutput), Labels(scores, rows, width, request.BinaryDataOutput)];
        }

        var outputs = new List<OipOutputTensor>(request.Outputs.Count);
        foreach (var wanted in request.Outputs)
        {
            var binary = wanted.Binary || request.BinaryDataOutput;
            if (wanted.Classification is { } k)
            {
                if (wanted.Name != model.OutputName)
                {
                    throw new OipRequestException($"classification applies to the '{model.OutputName}' output, not '{wanted.Name}'");
                }

                outputs.Add(TopK(wanted.Name, scores, rows, width, Math.Min(k, width)));
            }
            else if (wanted.Name == model.OutputName)
            {
                outputs.Add(Scores(model, scores, rows, binary));
            }
            else if (wanted.Name == Label)
            {
                outputs.Add(Labels(scores, rows, width, binary));
            }
            else
            {
                throw new OipRequestException($"unknown output '{wanted.Name}'; the model has '{model.OutputName}' and '{Label}'");
            }
        }

        return outputs;
    }

    private static OipOutputTensor Scores(ServedModel model, float[] scores, int rows, bool binary) =>
        new(model.OutputName, [rows, model.OutputWidth], OipDatatype.Fp32, Floats: scores, Binary: binary);

    private static OipOutputTensor Labels(float[] scores, int rows, int width, bool binary)
    {
        var labels = new long[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = ArgMax(scores.AsSpan(r * width, width));
        }

        return new OipOutputTensor(Label, [rows], OipDatatype.Int64, Longs: labels, Binary: binary);
    }

    private static OipOutputTensor TopK(string name, float[] scores, int rows, int width, int k)
    {
        var result = new string[rows * k];
        var order = new int[width];
        for (var r = 0; r < rows; r++)
        {
            var row = scores.AsSpan(r * width, width).ToArray();
            for (var i = 0; i < width; i++)
            {
                order[i] = i;
            }

            // Highest score first; equal scores keep the lower index first.
            Array.Sort(order, (a, b) => row[b].CompareTo(row[a]) is var c && c != 0 ? c : a.CompareTo(b));
            for (var j = 0; j < k; j++)
            {
                result[r * k + j] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row[order[j]]:R}:{order[j]}");
            }
        }

        return new OipOutputTensor(name, [rows, k], OipDatatype.Bytes, Strings: result);
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
