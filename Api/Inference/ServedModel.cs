namespace OrleansAI.Api.Inference;

/// <summary>A model version as the inference API sees it: its signature and its deployment.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version.</param>
/// <param name="ModelKey">Owner-scoped version key.</param>
/// <param name="Versions">Every registered version of the model (a shared model: the one granted version).</param>
/// <param name="InputName">The graph's input.</param>
/// <param name="OutputName">The graph's output.</param>
/// <param name="RowShape">One input row's shape.</param>
/// <param name="OutputWidth">Output values per row.</param>
/// <param name="Deployment">Its deployment, null when never deployed.</param>
public sealed record ServedModel(string Name, int Version, string ModelKey, IReadOnlyList<int> Versions, string InputName, string OutputName, long[] RowShape, int OutputWidth, DeploymentSnapshot? Deployment)
{
    /// <summary>The version as the grants and the audit log name it (owner, model, version).</summary>
    public required Grains.Interfaces.Access.AccessResource Resource { get; init; }

    /// <summary>The audit log's name of the version, made once per resolution rather than per call.</summary>
    public string ResourceKey => field ??= Resource.Key;

    /// <summary>Input values per row.</summary>
    public long RowSize => RowShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Nodes the deployment reports ready (some may be connected to other Api instances).</summary>
    public IReadOnlyList<string> ReadyNodes { get; } = Deployment?.Nodes.Where(n => n.State == "ready").Select(n => n.Address).ToArray() ?? [];

    /// <summary>Whether requests are taken (deployed and not taken down).</summary>
    public bool Deployed => Deployment?.Status is DeploymentStatus.Deploying or DeploymentStatus.Ready;
}
