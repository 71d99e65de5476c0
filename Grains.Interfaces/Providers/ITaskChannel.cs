using OrleansAI.Grains.Interfaces.Inference;

namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// The gateway's end of a provider's live connection, as an Orleans observer: the provider grain
/// pushes through it. Calls are one-way; a dead connection shows up as missed heartbeats.
/// </summary>
[Alias("OrleansAI.ITaskChannel")]
public interface ITaskChannel : IGrainObserver
{
    /// <summary>Pushes a task to the provider.</summary>
    [OneWay, Alias("Deliver")]
    Task DeliverAsync(ProviderTask task);

    /// <summary>Tells the provider to drop a task (its round closed without it).</summary>
    [OneWay, Alias("Cancel")]
    Task CancelAsync(string taskId, string reason);

    /// <summary>Asks the provider to hold a model for inference.</summary>
    [OneWay, Alias("LoadModel")]
    Task LoadModelAsync(ModelPlacement placement);

    /// <summary>Asks the provider to drop a model.</summary>
    [OneWay, Alias("UnloadModel")]
    Task UnloadModelAsync(string modelKey);

    /// <summary>Runs an inference call on the provider (a relay from another Api instance); the answer comes back.</summary>
    [Alias("Infer")]
    Task<InferenceAnswer> InferAsync(InferenceRequest request);

    /// <summary>Ends the connection (replaced by a newer one, or evicted).</summary>
    [OneWay, Alias("Close")]
    Task CloseAsync(string reason);
}
