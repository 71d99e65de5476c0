namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>A model version's deployment.</summary>
/// <param name="ModelKey">Model version key.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Settings">How it is served.</param>
/// <param name="Placement">Its ONNX file and signature, once deployed.</param>
/// <param name="Nodes">Nodes asked to hold it.</param>
/// <param name="Disagreements">Disagreements recorded so far.</param>
/// <param name="RecentDisagreements">The latest of them.</param>
/// <param name="DeployedUtc">When it was deployed.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.DeploymentSnapshot")]
public sealed record DeploymentSnapshot(
    [property: Id(0)] string ModelKey,
    [property: Id(1)] DeploymentStatus Status,
    [property: Id(2)] DeploymentSettings Settings,
    [property: Id(3)] ModelPlacement? Placement,
    [property: Id(4)] IReadOnlyList<ServingNode> Nodes,
    [property: Id(5)] long Disagreements,
    [property: Id(6)] IReadOnlyList<InferenceDisagreement> RecentDisagreements,
    [property: Id(7)] DateTimeOffset? DeployedUtc);
