namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>Where a model version's deployment stands.</summary>
public enum DeploymentStatus
{
    /// <summary>Never deployed.</summary>
    NotDeployed,

    /// <summary>Deployed; no node has it ready yet.</summary>
    Deploying,

    /// <summary>At least one node serves it.</summary>
    Ready,

    /// <summary>Taken down.</summary>
    Undeployed,
}
