namespace OrleansAI.Sdk.Models;

/// <summary>Where a model version's deployment stands.</summary>
public enum DeploymentStatus
{
    /// <summary>Never deployed.</summary>
    NotDeployed,

    /// <summary>Being exported and placed on nodes.</summary>
    Deploying,

    /// <summary>Serving.</summary>
    Ready,

    /// <summary>Taken down by its owner.</summary>
    Undeployed,
}
