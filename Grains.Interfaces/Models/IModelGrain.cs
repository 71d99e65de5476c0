namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>A model of one owner, keyed <c>{owner}/{name}</c>: its versions.</summary>
[Alias("OrleansAI.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers a new version from <paramref name="draft"/> (its version number is assigned here) and
    /// returns it. Idempotent by job: a job registering again gets the version it already has.
    /// </summary>
    [Alias("Register")]
    Task<ModelVersionRecord> RegisterAsync(ModelVersionRecord draft);

    /// <summary>The model, or null when it has no versions.</summary>
    [Alias("Get")]
    Task<ModelSummary?> GetAsync();
}
