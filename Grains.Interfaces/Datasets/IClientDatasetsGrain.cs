namespace OrleansAI.Grains.Interfaces.Datasets;

/// <summary>
/// The datasets one client uploaded, keyed by the client id. Content is stored by hash and could be
/// shared, but the right to train on it is the uploader's: a job may only name a dataset its owner holds here.
/// </summary>
[Alias("OrleansAI.IClientDatasetsGrain")]
public interface IClientDatasetsGrain : IGrainWithStringKey
{
    /// <summary>Records an upload; the same content uploaded again keeps its first record. Throws when the client holds too many.</summary>
    [Alias("Add")]
    Task<DatasetRecord> AddAsync(DatasetRecord record);

    /// <summary>The client's dataset with this hash, or null.</summary>
    [Alias("Get")]
    Task<DatasetRecord?> GetAsync(string sha256);

    /// <summary>Every dataset of the client, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<DatasetRecord>> ListAsync();
}
