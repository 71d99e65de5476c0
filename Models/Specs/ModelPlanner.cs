using System.Text.RegularExpressions;

namespace OrleansAI.Models.Specs;

/// <summary>Validates a spec against shape rules and resource limits and plans its parameters.</summary>
public static partial class ModelPlanner
{
    /// <summary>Checks <paramref name="spec"/>; throws <see cref="ModelSpecException"/> naming every problem.</summary>
    public static ModelPlan Plan(ModelSpec spec, ModelSpecLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        limits ??= ModelSpecLimits.Default;
        var errors = new List<SpecError>();
        if (string.IsNullOrEmpty(spec.Name) || !NamePattern().IsMatch(spec.Name))
        {
            errors.Add(new("name", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }

        if (spec.Classes < 2 || spec.Classes > limits.MaxClasses)
        {
            errors.Add(new("classes", $"must be between 2 and {limits.MaxClasses} (got {spec.Classes})"));
        }

        CheckInput(spec.InputShape, limits, errors);
        if (spec.Layers.Count == 0 || spec.Layers.Count > limits.MaxLayers)
        {
            errors.Add(new("layers", $"must hold between 1 and {limits.MaxLayers} layers (got {spec.Layers.Count})"));
        }

        if (errors.Count > 0)
        {
            throw new ModelSpecException(errors);
        }

        var shapes = new List<int[]> { spec.InputShape.ToArray() };
        var parameters = new List<ParameterInfo>();
        long offset = 0, activations = 0;
        var current = shapes[0];
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var path = $"layers[{i}] ({layer.Kind})";
            if (layer is SoftmaxSpec && i != spec.Layers.Count - 1)
            {
                errors.Add(new(path, "softmax is only allowed as the last layer"));
            }

            if (CheckLayerSettings(layer, limits) is { } settingError)
            {
                errors.Add(new(path, settingError));
                break;
            }

            var result = layer.Infer(current);
            if (result.Shape is null)
            {
                errors.Add(new(path, result.Error!));
                break;
            }

            foreach (var p in layer.Parameters(current))
            {
                var length = p.Shape.Aggregate(1L, (a, d) => a * d);
                if (offset + length > limits.MaxParameters)
                {
                    errors.Add(new(path, $"the model exceeds the limit of {limits.MaxParameters:N0} parameters"));
                    throw new ModelSpecException(errors);
                }

                parameters.Add(new ParameterInfo($"layers.{i}.{p.LocalName}", i, p.Shape, p.Role, (int)offset, (int)length));
                offset += length;
            }

            activations += result.Shape.Aggregate(1L, (a, d) => a * d);
            if (activations > limits.MaxActivationsPerExample)
            {
                errors.Add(new(path, $"activations exceed the limit of {limits.MaxActivationsPerExample:N0} values per example"));
                break;
            }

            shapes.Add(result.Shape);
            current = result.Shape;
        }

        if (errors.Count == 0 && (current.Length != 1 || current[0] != spec.Classes))
        {
            errors.Add(new($"layers[{spec.Layers.Count - 1}] ({spec.Layers[^1].Kind})",
                $"the model must end with {spec.Classes} scores (one per class) but produces {string.Join('x', current)}"));
        }

        if (errors.Count > 0)
        {
            throw new ModelSpecException(errors);
        }

        return new ModelPlan(spec, shapes, parameters, activations);
    }

    private static void CheckInput(IReadOnlyList<int> shape, ModelSpecLimits limits, List<SpecError> errors)
    {
        if (shape is null || shape.Count is < 1 or > 3)
        {
            errors.Add(new("inputShape", "must have 1 to 3 dimensions: [features] or [channels, height, width]"));
            return;
        }

        if (shape.Any(d => d <= 0))
        {
            errors.Add(new("inputShape", $"every dimension must be positive (got {string.Join('x', shape)})"));
            return;
        }

        if (shape.Aggregate(1L, (a, d) => a * d) > limits.MaxInputElements)
        {
            errors.Add(new("inputShape", $"an example may hold at most {limits.MaxInputElements:N0} values"));
        }
    }

    private static string? CheckLayerSettings(LayerSpec layer, ModelSpecLimits limits) => layer switch
    {
        LinearSpec l when l.OutFeatures > limits.MaxWidth => $"outFeatures must be at most {limits.MaxWidth} (got {l.OutFeatures})",
        Conv2dSpec c when c.OutChannels > limits.MaxWidth => $"outChannels must be at most {limits.MaxWidth} (got {c.OutChannels})",
        Conv2dSpec c when c.KernelSize > limits.MaxKernelSize => $"kernelSize must be at most {limits.MaxKernelSize} (got {c.KernelSize})",
        MaxPool2dSpec m when m.KernelSize > limits.MaxKernelSize => $"kernelSize must be at most {limits.MaxKernelSize} (got {m.KernelSize})",
        AvgPool2dSpec a when a.KernelSize > limits.MaxKernelSize => $"kernelSize must be at most {limits.MaxKernelSize} (got {a.KernelSize})",
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
