namespace OrleansAI.Sdk.Models;

/// <summary>A model version's deployment as its owner sees it.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Settings">How it is served.</param>
/// <param name="OnnxSha256">SHA-256 of the ONNX file nodes load and check.</param>
/// <param name="OnnxBytes">Its size.</param>
/// <param name="Nodes">Nodes asked to hold it, with their last reported state.</param>
/// <param name="Disagreements">Disagreements between nodes recorded so far.</param>
/// <param name="RecentDisagreements">The latest of them.</param>
/// <param name="DeployedUtc">When it was deployed.</param>
/// <param name="InferUrl">Where to call it with the Open Inference Protocol.</param>
public sealed record DeploymentView(
    string Name,
    int Version,
    DeploymentStatus Status,
    DeploymentSettings Settings,
    string? OnnxSha256,
    long? OnnxBytes,
    IReadOnlyList<ServingNode> Nodes,
    long Disagreements,
    IReadOnlyList<InferenceDisagreement> RecentDisagreements,
    DateTimeOffset? DeployedUtc,
    string InferUrl);
