namespace OrleansAI.Models.Weights;

/// <summary>
/// Fresh weights without LibTorch, so a coordinator that never loads TorchSharp can start a job.
/// Follows PyTorch's defaults for these layers: weights of rank ≥ 2 (linear, convolution) and their
/// biases draw from U(−1/√fan_in, 1/√fan_in) (kaiming-uniform with a = √5); batch-norm scales and
/// running variances start at 1, their shifts and running means at 0. Reproducible from the seed.
/// </summary>
public static class WeightInitializer
{
    /// <summary>Initial weights for <paramref name="plan"/> drawn from <paramref name="seed"/>.</summary>
    public static ModelWeights Initialize(ModelPlan plan, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var values = new float[plan.ParameterCount];
        var random = new Random(seed);
        foreach (var layer in plan.Parameters.GroupBy(p => p.LayerIndex))
        {
            var weight = layer.FirstOrDefault(p => LocalName(p) == "weight" && p.Shape.Length >= 2);
            var fanIn = weight is null ? 0 : weight.Shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            foreach (var parameter in layer)
            {
                var target = values.AsSpan(parameter.Offset, parameter.Length);
                if (fanIn > 0 && parameter.Role == ParameterRole.Trainable)
                {
                    var bound = 1 / Math.Sqrt(fanIn);
                    for (var i = 0; i < target.Length; i++)
                    {
                        target[i] = (float)((random.NextDouble() * 2 - 1) * bound);
                    }
                }
                else
                {
                    // Normalisation layers: identity scale, zero shift, unit running variance.
                    target.Fill(LocalName(parameter) is "weight" or "running_var" ? 1f : 0f);
                }
            }
        }

        return new ModelWeights(plan, values);
    }

    private static string LocalName(ParameterInfo parameter) => parameter.Name[(parameter.Name.LastIndexOf('.') + 1)..];
}
