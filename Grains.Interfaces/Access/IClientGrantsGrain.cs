namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>
/// What one client (the key) was granted by others, so it can find them. Kept by
/// <see cref="IResourceAccessGrain"/>; an index, never the authority on a right.
/// </summary>
[Alias("OrleansAI.IClientGrantsGrain")]
public interface IClientGrantsGrain : IGrainWithStringKey
{
    /// <summary>Records (or updates) a grant received.</summary>
    [Alias("Add")]
    Task AddAsync(AccessGrant grant);

    /// <summary>Forgets a grant on <paramref name="resource"/>.</summary>
    [Alias("Remove")]
    Task RemoveAsync(AccessResource resource);

    /// <summary>Every grant received, newest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<AccessGrant>> ListAsync();
}
