namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>
/// The deployment of one model version, keyed like the version (<c>{owner}/{name}/{version}</c>):
/// exports its ONNX file once, asks serving nodes to hold it, keeps that many placed as nodes come
/// and go, and records the disagreements the routers see.
/// </summary>
[Alias("OrleansAI.IModelDeploymentGrain")]
public interface IModelDeploymentGrain : IGrainWithStringKey
{
    /// <summary>Deploys (or re-configures) the version; throws <see cref="ArgumentException"/> for bad settings and <see cref="KeyNotFoundException"/> for an unknown version.</summary>
    [Alias("Deploy")]
    Task<DeploymentSnapshot> DeployAsync(DeploymentSettings settings);

    /// <summary>Takes the version down: its nodes drop it.</summary>
    [Alias("Undeploy")]
    Task<DeploymentSnapshot> UndeployAsync();

    /// <summary>A node asked to hold the version reports its state.</summary>
    [Alias("NodeState")]
    Task NodeStateAsync(string address, string nodeState, string detail);

    /// <summary>Records a disagreement seen by a router.</summary>
    [OneWay, Alias("Disagreement")]
    Task RecordDisagreementAsync(InferenceDisagreement disagreement);

    /// <summary>The deployment.</summary>
    [ReadOnly, Alias("Get")]
    Task<DeploymentSnapshot> GetAsync();
}
