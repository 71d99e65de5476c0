using System.Diagnostics;
using OrleansAI.Learning.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>
/// Trains a model from given weights on local data: the compute a provider runs for one task.
/// Each step runs in its own dispose scope so native memory stays flat however long it trains.
/// </summary>
public static class LocalTrainer
{
    /// <summary>Trains <paramref name="initial"/> on <paramref name="data"/> and returns the new weights and the run's figures.</summary>
    public static TrainingResult Train(ModelWeights initial, LabeledDataset data, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckData(initial.Plan, data);
        if (!options.Deterministic && options.Threads is null)
        {
            return Run(initial, data, options, cancellationToken);
        }

        // The generator and thread count are process-wide: hold them for the whole run.
        lock (Determinism.Gate)
        {
            var threads = get_num_threads();
            set_num_threads(options.Deterministic ? 1 : options.Threads!.Value);
            try
            {
                return Run(initial, data, options, cancellationToken);
            }
            finally
            {
                set_num_threads(threads);
            }
        }
    }

    private static TrainingResult Run(ModelWeights initial, LabeledDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var plan = initial.Plan;
        var device = TorchDevices.Resolve(options.Deterministic && options.Device == ComputeDevice.Auto ? ComputeDevice.Cpu : options.Device);
        random.manual_seed(options.Seed);
        using var network = new SpecNetwork(plan);
        TorchWeights.Load(network, initial);
        network.to(device);
        network.train();

        var trainable = network.parameters().ToArray();
        using var optimizer = CreateOptimizer(trainable, options);
        var anchors = options.ProximalMu > 0 ? trainable.Select(p => p.detach().clone()).ToArray() : [];
        using var halfMu = options.ProximalMu > 0 ? (options.ProximalMu / 2).ToScalar() : null;
        var shuffle = new Random(unchecked((int)options.Seed ^ (int)(options.Seed >> 32)));
        var order = Enumerable.Range(0, data.Count).ToArray();
        long[] batchShape = [0, .. plan.InputShape.Select(d => (long)d)];
        var epochLosses = new List<double>();
        long examples = 0;
        var steps = 0;
        double lossSum = 0;
        var stepTimes = new List<double>();
        try
        {
            for (var epoch = 0; epoch < options.Epochs && !StepLimitReached(steps, options); epoch++)
            {
                shuffle.Shuffle(order);
                double epochLoss = 0;
                var epochSteps = 0;
                for (var start = 0; start < order.Length && !StepLimitReached(steps, options); start += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var stepStarted = Stopwatch.GetTimestamp();
                    var count = Math.Min(options.BatchSize, order.Length - start);
                    using var scope = NewDisposeScope();
                    var (inputs, labels) = Batch(data, order.AsSpan(start, count), batchShape, device);
                    optimizer.ZeroGrad();
                    var loss = nn.functional.cross_entropy(network.Logits(inputs), labels);
                    if (anchors.Length > 0)
                    {
                        var proximal = zeros(1, device: device);
                        for (var i = 0; i < trainable.Length; i++)
                        {
                            proximal = proximal + (trainable[i] - anchors[i]).square().sum();
                        }

                        loss = loss + proximal.mul(halfMu!);
                    }

                    loss.backward();
                    optimizer.Step();
                    var value = loss.item<float>();
                    if (!float.IsFinite(value))
                    {
                        throw new ArithmeticException($"The training loss diverged at step {steps}; lower the learning rate.");
                    }

                    epochLoss += value;
                    lossSum += value;
                    epochSteps++;
                    steps++;
                    examples += count;
                    stepTimes.Add(Stopwatch.GetElapsedTime(stepStarted).TotalMilliseconds);
                }

                epochLosses.Add(epochSteps == 0 ? double.NaN : epochLoss / epochSteps);
            }

            network.to(CPU);
            return new TrainingResult(
                TorchWeights.Read(network),
                examples,
                steps,
                steps == 0 ? double.NaN : lossSum / steps,
                epochLosses,
                clock.Elapsed,
                device.type == DeviceType.CUDA ? "cuda" : "cpu",
                stepTimes);
        }
        finally
        {
            foreach (var anchor in anchors)
            {
                anchor.Dispose();
            }
        }
    }

    private static bool StepLimitReached(int steps, TrainingOptions options) => options.MaxSteps is { } max && steps >= max;

    private static ParameterOptimizer CreateOptimizer(TorchSharp.Modules.Parameter[] parameters, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(parameters, options.LearningRate, options.Momentum, options.WeightDecay),
        OptimizerKind.Adam => new AdamOptimizer(parameters, options.LearningRate, options.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimiser."),
    };

    internal static (Tensor Inputs, Tensor Labels) Batch(LabeledDataset data, ReadOnlySpan<int> indices, long[] shape, Device device)
    {
        var size = data.ExampleSize;
        var features = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            data.Example(indices[i]).CopyTo(features.AsSpan(i * size, size));
            labels[i] = data.Labels[indices[i]];
        }

        shape[0] = indices.Length;
        return (tensor(features, shape, device: device), tensor(labels, device: device));
    }

    internal static void CheckData(ModelPlan plan, LabeledDataset data)
    {
        if (!data.ExampleShape.SequenceEqual(plan.InputShape))
        {
            throw new ArgumentException($"The data's examples are {string.Join('x', data.ExampleShape)} but the model takes {string.Join('x', plan.InputShape)}.", nameof(data));
        }

        if (data.Classes != plan.Spec.Classes)
        {
            throw new ArgumentException($"The data has {data.Classes} classes but the model predicts {plan.Spec.Classes}.", nameof(data));
        }

        if (data.Count == 0)
        {
            throw new ArgumentException("There is no data to train on.", nameof(data));
        }
    }
}
