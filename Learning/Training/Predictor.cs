using OrleansAI.Learning.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>Runs a model in evaluation mode over a dataset.</summary>
public static class Predictor
{
    /// <summary>
    /// Class scores (before any trailing softmax) for every example, row-major N × classes.
    /// Evaluation mode: dropout off, batch norm on its running statistics.
    /// </summary>
    public static float[] Logits(ModelWeights weights, LabeledDataset data, int batchSize = 256, ComputeDevice device = ComputeDevice.Cpu) =>
        Run(weights, data, batchSize, device, softmax: false);

    /// <summary>The model's outputs as it defines them: probabilities when it ends in a softmax, scores otherwise.</summary>
    public static float[] Outputs(ModelWeights weights, LabeledDataset data, int batchSize = 256, ComputeDevice device = ComputeDevice.Cpu) =>
        Run(weights, data, batchSize, device, softmax: true);

    private static float[] Run(ModelWeights weights, LabeledDataset data, int batchSize, ComputeDevice device, bool softmax)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        LocalTrainer.CheckData(weights.Plan, data);
        var target = TorchDevices.Resolve(device);
        using var network = new SpecNetwork(weights.Plan);
        TorchWeights.Load(network, weights);
        network.to(target);
        network.eval();
        var classes = weights.Plan.Spec.Classes;
        var result = new float[data.Count * classes];
        long[] shape = [0, .. weights.Plan.InputShape.Select(d => (long)d)];
        var indices = Enumerable.Range(0, data.Count).ToArray();
        using var _ = no_grad();
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            using var scope = NewDisposeScope();
            var (inputs, _) = LocalTrainer.Batch(data, indices.AsSpan(start, count), shape, target);
            using var logits = (softmax ? network.forward(inputs) : network.Logits(inputs)).cpu().contiguous();
            logits.data<float>().CopyTo(result.AsSpan(start * classes, count * classes));
        }

        return result;
    }
}
