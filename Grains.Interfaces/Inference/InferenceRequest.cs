namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>An inference call relayed through a provider's grain to the Api instance that holds its stream.</summary>
/// <param name="ModelKey">Model version key.</param>
/// <param name="Input">Row-major float32 bytes.</param>
/// <param name="Rows">Rows in the input.</param>
/// <param name="DeadlineUtc">When the caller stops waiting.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.InferenceRequest")]
public sealed record InferenceRequest(
    [property: Id(0)] string ModelKey,
    [property: Id(1)] byte[] Input,
    [property: Id(2)] int Rows,
    [property: Id(3)] DateTimeOffset DeadlineUtc);
