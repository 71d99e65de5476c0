namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>The names of one client's models, keyed by the client id; what listing reads.</summary>
[Alias("OrleansAI.IClientModelsGrain")]
public interface IClientModelsGrain : IGrainWithStringKey
{
    /// <summary>Records a model name (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string name);

    /// <summary>The client's model names, in registration order.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
