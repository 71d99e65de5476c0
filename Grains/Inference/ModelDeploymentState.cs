namespace OrleansAI.Grains.Inference;

/// <summary>Stored state of a <see cref="ModelDeploymentGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ModelDeploymentState")]
public sealed class ModelDeploymentState
{
    /// <summary>Where it stands.</summary>
    [Id(0)] public DeploymentStatus Status { get; set; }

    /// <summary>How it is served.</summary>
    [Id(1)] public DeploymentSettings Settings { get; set; } = new();

    /// <summary>Its ONNX file and signature, once exported.</summary>
    [Id(2)] public ModelPlacement? Placement { get; set; }

    /// <summary>Nodes asked to hold it, by address.</summary>
    [Id(3)] public Dictionary<string, ServingNode> Nodes { get; set; } = [];

    /// <summary>Disagreements recorded.</summary>
    [Id(4)] public long Disagreements { get; set; }

    /// <summary>The latest disagreements, oldest first.</summary>
    [Id(5)] public List<InferenceDisagreement> Recent { get; set; } = [];

    /// <summary>When it was deployed.</summary>
    [Id(6)] public DateTimeOffset? DeployedUtc { get; set; }
}
