using TorchSharp;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>Moves weights between <see cref="ModelWeights"/> and a module, bit for bit.</summary>
public static class TorchWeights
{
    /// <summary>Copies every tensor of <paramref name="weights"/> into the module's parameters and buffers.</summary>
    public static void Load(SpecNetwork network, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(weights);
        var state = network.state_dict();
        using var _ = no_grad();
        foreach (var p in weights.Plan.Parameters)
        {
            var target = state[p.Name];
            using var source = tensor(weights.Get(p).ToArray(), p.Shape.Select(d => (long)d).ToArray());
            target.copy_(source);
        }
    }

    /// <summary>Reads the module's parameters and buffers into a new <see cref="ModelWeights"/>.</summary>
    public static ModelWeights Read(SpecNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var plan = network.Plan;
        var values = new float[plan.ParameterCount];
        var state = network.state_dict();
        foreach (var p in plan.Parameters)
        {
            using var cpu = state[p.Name].detach().cpu().contiguous();
            cpu.data<float>().CopyTo(values.AsSpan(p.Offset, p.Length));
        }

        return new ModelWeights(plan, values);
    }

    /// <summary>
    /// Fresh weights with PyTorch's default initialisation, reproducible from <paramref name="seed"/>
    /// (the global generator is seeded under the determinism lock).
    /// </summary>
    public static ModelWeights Initialize(ModelPlan plan, long seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (Determinism.Gate)
        {
            random.manual_seed(seed);
            using var network = new SpecNetwork(plan);
            return Read(network);
        }
    }
}
