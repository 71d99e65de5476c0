namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>One model version, keyed <c>{owner}/{name}/{version}</c>: weights, metrics and provenance; written once.</summary>
[Alias("OrleansAI.IModelVersionGrain")]
public interface IModelVersionGrain : IGrainWithStringKey
{
    /// <summary>Stores the record; a second call with the same record is a no-op, a different one is refused.</summary>
    [Alias("Initialize")]
    Task InitializeAsync(ModelVersionRecord record);

    /// <summary>The record, or null when none was stored.</summary>
    [Alias("Get")]
    Task<ModelVersionRecord?> GetAsync();
}
