using OrleansAI.Grains.Interfaces.Rounds;

namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// One unit of work for one provider. It names the weights by hash; the gateway turns that into a
/// short-lived read URL (and an upload URL for the result) when it pushes the task.
/// </summary>
/// <param name="TaskId">Unique id; also the name of the result's upload slot.</param>
/// <param name="Kind">Train or evaluate.</param>
/// <param name="JobId">The job.</param>
/// <param name="Round">The round (1-based).</param>
/// <param name="SpecJson">The model spec.</param>
/// <param name="Weights">The global weights to start from (safetensors).</param>
/// <param name="MaxResultBytes">Largest result accepted.</param>
/// <param name="Training">How to train (hyper-parameters, result encoding).</param>
/// <param name="Dataset">The local dataset to use.</param>
/// <param name="DeadlineUtc">After this the result is ignored.</param>
/// <param name="Seed">Seed for the local run.</param>
/// <param name="TrainData">Data-parallel: the shard to train on (dataset file), instead of the provider's own data.</param>
/// <param name="TestData">Data-parallel: the held-out examples to evaluate the incoming model on.</param>
/// <param name="Item">Data-parallel: the shard's number (work item); tasks of one item are identical.</param>
/// <param name="Owner">The client whose job it is: the owner of the weights and data the task reads, in the audit log.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderTask")]
public sealed record ProviderTask(
    [property: Id(0)] string TaskId,
    [property: Id(1)] TaskKind Kind,
    [property: Id(2)] string JobId,
    [property: Id(3)] int Round,
    [property: Id(4)] string SpecJson,
    [property: Id(5)] ContentReference Weights,
    [property: Id(6)] long MaxResultBytes,
    [property: Id(18)] Jobs.TrainingSettings Training,
    [property: Id(12)] string Dataset,
    [property: Id(13)] DateTimeOffset DeadlineUtc,
    [property: Id(14)] long Seed,
    [property: Id(15)] ContentReference? TrainData = null,
    [property: Id(16)] ContentReference? TestData = null,
    [property: Id(17)] int? Item = null,
    [property: Id(19)] string Owner = "")
{
    /// <summary>The round grain's key.</summary>
    public string RoundKey => RoundKeys.Of(JobId, Round);
}
