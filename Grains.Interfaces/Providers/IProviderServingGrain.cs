using OrleansAI.Grains.Interfaces.Inference;

namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>The models placed on a provider, keyed by its address, and the inference calls relayed to it.</summary>
[Alias("OrleansAI.IProviderServingGrain")]
public interface IProviderServingGrain : IGrainWithStringKey
{
    /// <summary>Asks the provider to hold a model (remembered, and re-sent on every reconnect); false when it is offline or does not serve.</summary>
    [Alias("PlaceModel")]
    Task<bool> PlaceModelAsync(ModelPlacement placement);

    /// <summary>Asks the provider to drop a model it was asked to hold.</summary>
    [Alias("RemoveModel")]
    Task RemoveModelAsync(string modelKey);

    /// <summary>
    /// The provider reports a model's state; passed on to the model's deployment only when the model
    /// is one it was asked to hold. Returns whether it was.
    /// </summary>
    [Alias("ModelState")]
    Task<bool> ReportModelStateAsync(string modelKey, string modelState, string detail);

    /// <summary>
    /// Relays an inference call to the Api instance holding the provider's stream: how an Api reaches
    /// nodes connected to another instance. Interleaves: calls do not queue behind each other.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("Infer")]
    Task<InferenceAnswer> InferAsync(InferenceRequest request);

    /// <summary>Counts an inference comparison the provider took part in: agreed with the majority or not.</summary>
    [Orleans.Concurrency.OneWay, Alias("InferenceCheck")]
    Task RecordInferenceCheckAsync(bool agreed);
}
