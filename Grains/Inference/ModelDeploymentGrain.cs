using OrleansAI.Models.Onnx;

namespace OrleansAI.Grains.Inference;

/// <summary>
/// One model version's deployment: see <see cref="IModelDeploymentGrain"/>. The ONNX file is
/// exported from the registered weights once and stored by hash, so every node checks what it
/// downloads against the registry. A timer keeps the wanted number of nodes asked while deployed:
/// nodes that failed, were evicted or went offline are replaced by others that serve.
/// </summary>
public sealed partial class ModelDeploymentGrain(
    [PersistentState("deployment", "Default")] IPersistentState<ModelDeploymentState> state,
    TimeProvider clock,
    ILogger<ModelDeploymentGrain> logger,
    IContentStore? contentStore = null,
    IAuditLog? audit = null) : Grain, IModelDeploymentGrain
{
    /// <summary>Disagreements kept in the record.</summary>
    public const int RecentKept = 100;

    /// <summary>How often placements are checked.</summary>
    public static readonly TimeSpan PlacementCheck = TimeSpan.FromSeconds(10);

    private IGrainTimer? _placement;
    private int _disagreementsUnsaved;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status is DeploymentStatus.Deploying or DeploymentStatus.Ready)
        {
            ArmPlacement();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_disagreementsUnsaved > 0)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<DeploymentSnapshot> DeployAsync(DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        state.State.Placement ??= await ExportAsync();
        state.State.Settings = settings;
        if (state.State.Status is not (DeploymentStatus.Deploying or DeploymentStatus.Ready))
        {
            state.State.Status = DeploymentStatus.Deploying;
            state.State.DeployedUtc = clock.GetUtcNow();
        }

        await state.WriteStateAsync();
        await PlaceAsync();
        ArmPlacement();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<DeploymentSnapshot> UndeployAsync()
    {
        if (state.State.Status is DeploymentStatus.Deploying or DeploymentStatus.Ready)
        {
            state.State.Status = DeploymentStatus.Undeployed;
            var nodes = state.State.Nodes.Keys.ToList();
            state.State.Nodes.Clear();
            await state.WriteStateAsync();
            _placement?.Dispose();
            _placement = null;
            await Task.WhenAll(nodes.Select(n => GrainFactory.GetGrain<IProviderServingGrain>(n).RemoveModelAsync(Key)));
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public async Task NodeStateAsync(string address, string nodeState, string detail)
    {
        if (!state.State.Nodes.TryGetValue(address, out var node) || (node.State == nodeState && node.Detail == detail))
        {
            return;
        }

        state.State.Nodes[address] = node with { State = nodeState, Detail = detail.Length > 300 ? detail[..300] : detail, UpdatedUtc = clock.GetUtcNow() };
        if (state.State.Status == DeploymentStatus.Deploying && nodeState == "ready")
        {
            state.State.Status = DeploymentStatus.Ready;
        }

        await state.WriteStateAsync();
        if (nodeState is "failed" or "evicted")
        {
            LogNodeLost(Key, address, nodeState, detail);
        }
    }

    /// <inheritdoc />
    public async Task RecordDisagreementAsync(InferenceDisagreement disagreement)
    {
        ArgumentNullException.ThrowIfNull(disagreement);
        state.State.Disagreements++;
        state.State.Recent.Add(disagreement);
        if (state.State.Recent.Count > RecentKept)
        {
            state.State.Recent.RemoveAt(0);
        }

        // A flood of disagreements (a node lying on every call) must not become a write per request.
        if (++_disagreementsUnsaved >= 16 || state.State.Disagreements < 16)
        {
            _disagreementsUnsaved = 0;
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<DeploymentSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private async Task<ModelPlacement> ExportAsync()
    {
        var record = await GrainFactory.GetGrain<IModelVersionGrain>(Key).GetAsync()
            ?? throw new KeyNotFoundException($"Model version '{Key}' is not registered.");
        var store = contentStore ?? throw new InvalidOperationException("No content store is configured; models cannot be deployed.");
        var plan = ModelSpecJson.ParseAndPlan(record.SpecJson);
        byte[] safetensors;
        try
        {
            safetensors = await store.ReadAllAsync(record.Weights, CancellationToken.None);
            RecordWeightsRead(true, "exported for serving");
        }
        catch (ContentIntegrityException ex)
        {
            RecordWeightsRead(false, ex.Message);
            // Nothing altered is ever exported or served; the caller hears why (a standard exception
            // type, so it crosses the grain boundary as itself).
            throw new InvalidOperationException($"The model version cannot be deployed: {ex.Message}", ex);
        }

        var onnx = OnnxExporter.Export(ModelWeights.FromSafetensors(plan, safetensors));
        using var content = new MemoryStream(onnx, writable: false);
        var stored = await store.PutAsync(content, CancellationToken.None);
        LogExported(Key, stored.Sha256, stored.Length);
        return new ModelPlacement(Key, stored, OnnxExporter.InputName, plan.EndsInSoftmax ? OnnxExporter.ProbabilitiesName : OnnxExporter.LogitsName, [.. plan.InputShape.Select(d => (long)d)], plan.Spec.Classes);
    }

    private void ArmPlacement() => _placement ??= this.RegisterGrainTimer(CheckPlacementAsync, PlacementCheck, PlacementCheck);

    private async Task CheckPlacementAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status is not (DeploymentStatus.Deploying or DeploymentStatus.Ready))
        {
            return;
        }

        var changed = false;
        foreach (var (address, node) in state.State.Nodes.ToList())
        {
            if (node.State is "failed" or "evicted" or "offline")
            {
                continue;
            }

            var provider = await GrainFactory.GetGrain<IProviderGrain>(address).GetAsync();
            if (provider.Status != ProviderStatus.Online)
            {
                state.State.Nodes[address] = node with { State = "offline", Detail = "the provider went offline", UpdatedUtc = clock.GetUtcNow() };
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
        }

        await PlaceAsync();
    }

    private async Task PlaceAsync()
    {
        var placement = state.State.Placement!;
        var healthy = state.State.Nodes.Values.Count(n => n.State is "loading" or "ready");
        var wanted = state.State.Settings.Replicas - healthy;
        if (wanted > 0)
        {
            // Nodes that failed this model are not asked again; offline or evicted ones may be.
            var exclude = state.State.Nodes.Values.Where(n => n.State is "loading" or "ready" or "failed").Select(n => n.Address).ToList();
            var sampled = await GrainFactory.GetGrain<IProviderRegistryGrain>(0).SampleAsync(new ProviderCriteria("", ServesInference: true), wanted, exclude, unchecked((int)clock.GetUtcNow().Ticks));
            foreach (var address in sampled)
            {
                if (await GrainFactory.GetGrain<IProviderServingGrain>(address).PlaceModelAsync(placement))
                {
                    state.State.Nodes[address] = new ServingNode(address, "loading", "", clock.GetUtcNow());
                }
            }

            if (sampled.Count > 0)
            {
                await state.WriteStateAsync();
            }
        }

        if (state.State.Status == DeploymentStatus.Ready && !state.State.Nodes.Values.Any(n => n.State == "ready"))
        {
            state.State.Status = DeploymentStatus.Deploying;
            await state.WriteStateAsync();
        }
    }

    private DeploymentSnapshot Snapshot() => new(
        Key,
        state.State.Status,
        state.State.Settings,
        state.State.Placement,
        [.. state.State.Nodes.Values.OrderBy(n => n.Address, StringComparer.Ordinal)],
        state.State.Disagreements,
        [.. state.State.Recent],
        state.State.DeployedUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Key} exported to ONNX: {Sha256} ({Length} bytes)")]
    private partial void LogExported(string key, string sha256, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Key}: node {Address} {State}: {Detail}")]
    private partial void LogNodeLost(string key, string address, string state, string detail);

    // The owner sees in the audit log when the platform read its weights.
    private void RecordWeightsRead(bool allowed, string detail)
    {
        var version = Interfaces.Access.AccessResource.FromModelVersionKey(Key);
        audit?.Record(new AuditEvent(AuditActors.Platform, AuditActions.WeightsRead, version.Key, version.Owner, Environment.MachineName, allowed, detail));
    }
}
