namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>
/// How a provider trains locally: the one record of training hyper-parameters, carried unchanged from
/// the validated job request through the job and its rounds to each task, and mirrored once by the
/// provider protocol's <c>TrainingSettings</c> message. A new hyper-parameter is added here, to the
/// request, to that message's mapping and to the trainer.
/// </summary>
/// <param name="LocalEpochs">Passes over the local data per round.</param>
/// <param name="LearningRate">Local learning rate.</param>
/// <param name="BatchSize">Local batch size.</param>
/// <param name="ProximalMu">FedProx μ: the weight of the pull back to the round's model; 0 for none.</param>
/// <param name="Compression">How the result is encoded: <c>none</c>, <c>int8</c>, <c>topk:F</c>, <c>topk:F+int8</c>.</param>
/// <param name="WeightDecay">L2 penalty on the weights applied by the local optimiser; 0 for none.</param>
/// <param name="Optimizer">The local optimiser: <c>adam</c> or <c>sgd</c>.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.TrainingSettings")]
public sealed record TrainingSettings(
    [property: Id(0)] int LocalEpochs = 1,
    [property: Id(1)] double LearningRate = 0.001,
    [property: Id(2)] int BatchSize = 64,
    [property: Id(3)] double ProximalMu = 0,
    [property: Id(4)] string Compression = "none",
    [property: Id(5)] double WeightDecay = 0,
    [property: Id(6)] string Optimizer = "adam")
{
    /// <summary>The settings the platform's verifier uses to train a root update: the job's, without a proximal term or compression.</summary>
    public TrainingSettings Plain() => this with { ProximalMu = 0, Compression = "none" };
}
