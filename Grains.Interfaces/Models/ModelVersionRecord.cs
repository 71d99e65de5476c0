namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>A registered model version with its provenance.</summary>
/// <param name="Owner">Client that owns it.</param>
/// <param name="Name">Model name (unique per owner).</param>
/// <param name="Version">Version number (1-based).</param>
/// <param name="SpecJson">The model spec.</param>
/// <param name="Weights">Weights blob (safetensors) by SHA-256.</param>
/// <param name="Accuracy">Accuracy on the providers' held-out test data.</param>
/// <param name="Loss">Mean loss on it.</param>
/// <param name="EvalExamples">Test examples evaluated.</param>
/// <param name="JobId">The job that trained it.</param>
/// <param name="Rounds">Rounds that produced it.</param>
/// <param name="Strategy">Aggregation strategy used.</param>
/// <param name="InitialWeights">Hash of the weights the job started from.</param>
/// <param name="Contributions">Every result aggregation used, by round.</param>
/// <param name="ParentVersion">The version it was fine-tuned from, if any.</param>
/// <param name="CreatedUtc">Registration time.</param>
/// <param name="EpsilonSpent">A private job's model: the ε its training spent at <c>Privacy.Delta</c>.</param>
/// <param name="Privacy">A private job's model: the differential privacy it was trained under.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ModelVersionRecord")]
public sealed record ModelVersionRecord(
    [property: Id(0)] string Owner,
    [property: Id(1)] string Name,
    [property: Id(2)] int Version,
    [property: Id(3)] string SpecJson,
    [property: Id(4)] ContentReference Weights,
    [property: Id(5)] double Accuracy,
    [property: Id(6)] double Loss,
    [property: Id(7)] long EvalExamples,
    [property: Id(8)] string JobId,
    [property: Id(9)] int Rounds,
    [property: Id(10)] string Strategy,
    [property: Id(11)] string InitialWeights,
    [property: Id(12)] IReadOnlyList<ModelContribution> Contributions,
    [property: Id(13)] int? ParentVersion,
    [property: Id(14)] DateTimeOffset CreatedUtc,
    [property: Id(15)] double? EpsilonSpent = null,
    [property: Id(16)] Jobs.ClientPrivacy? Privacy = null);
