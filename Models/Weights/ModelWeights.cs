using System.Security.Cryptography;

namespace OrleansAI.Models.Weights;

/// <summary>
/// All tensors of a model as one flat float vector in the plan's parameter order. The flat form is
/// what aggregation works on; the safetensors form, named after the spec's layers, is what
/// travels through the blob store, identified by the SHA-256 of its bytes.
/// </summary>
public sealed class ModelWeights
{
    /// <summary>Wraps <paramref name="values"/> (not copied) as weights of <paramref name="plan"/>.</summary>
    public ModelWeights(ModelPlan plan, float[] values)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != plan.ParameterCount)
        {
            throw new ArgumentException($"The model has {plan.ParameterCount} parameters but {values.Length} values were given.", nameof(values));
        }

        Plan = plan;
        Values = values;
    }

    /// <summary>The model these weights belong to.</summary>
    public ModelPlan Plan { get; }

    /// <summary>Every value, tensor after tensor in plan order.</summary>
    public float[] Values { get; }

    /// <summary>The values of one tensor.</summary>
    public Span<float> Get(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Values.AsSpan(parameter.Offset, parameter.Length);
    }

    /// <summary>The values of the tensor with the given full name.</summary>
    public Span<float> Get(string name) =>
        Get(Plan.Parameters.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"The model has no tensor '{name}'."));

    /// <summary>The safetensors bytes: tensors in plan order, named as the plan names them.</summary>
    public byte[] ToSafetensors() =>
        Safetensors.Write(
            [.. Plan.Parameters.Select(p => new SafetensorsTensor(p.Name, p.Shape, Get(p).ToArray()))],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = "pt", ["model"] = Plan.Spec.Name });

    /// <summary>Lower-case hex SHA-256 of <see cref="ToSafetensors"/>.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(ToSafetensors()));

    /// <summary>
    /// Reads weights for <paramref name="plan"/>; every tensor of the plan must be present with its
    /// exact shape and nothing else may be, so a file for another model is refused.
    /// </summary>
    public static ModelWeights FromSafetensors(ModelPlan plan, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Decoded straight into the parameter vector from the checked layout: a round decodes every
        // update it aggregates, and a per-tensor copy on the way would double what each one costs.
        var headerLength = Safetensors.HeaderLength(bytes, bytes.Length);
        var data = bytes[(8 + headerLength)..];
        var tensors = Safetensors.ReadLayout(bytes.Slice(8, headerLength), data.Length).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var values = new float[plan.ParameterCount];
        foreach (var p in plan.Parameters)
        {
            if (!tensors.Remove(p.Name, out var tensor))
            {
                throw new InvalidDataException($"The file has no tensor '{p.Name}'.");
            }

            if (!tensor.Shape.SequenceEqual(p.Shape))
            {
                throw new InvalidDataException($"Tensor '{p.Name}' has shape {string.Join('x', tensor.Shape)}; the model needs {string.Join('x', p.Shape)}.");
            }

            Safetensors.CopyValues(data[(int)tensor.Begin..(int)tensor.End], values.AsSpan(p.Offset, p.Length));
        }

        if (tensors.Count > 0)
        {
            throw new InvalidDataException($"The file has tensors the model does not: {string.Join(", ", tensors.Keys.Order(StringComparer.Ordinal))}.");
        }

        return new ModelWeights(plan, values);
    }

    /// <summary>A copy whose values can be changed independently.</summary>
    public ModelWeights Clone() => new(Plan, (float[])Values.Clone());
}
