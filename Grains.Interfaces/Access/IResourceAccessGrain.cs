namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>
/// The grants on one resource, keyed by <see cref="AccessResource.Key"/>: the one place a right is
/// decided. Each grantee's <see cref="IClientGrantsGrain"/> lists what it received, for browsing
/// only; every check asks this grain.
/// </summary>
[Alias("OrleansAI.IResourceAccessGrain")]
public interface IResourceAccessGrain : IGrainWithStringKey
{
    /// <summary>Gives (or changes) <paramref name="grantee"/>'s right; throws when the resource holds too many grants.</summary>
    [Alias("Grant")]
    Task<AccessGrant> GrantAsync(AccessResource resource, string grantee, AccessRights rights, DateTimeOffset now);

    /// <summary>Takes <paramref name="grantee"/>'s right away; false when it held none.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync(string grantee);

    /// <summary>The right <paramref name="grantee"/> holds (<see cref="AccessRights.None"/> when none).</summary>
    [Alias("Rights"), ReadOnly]
    Task<AccessRights> RightsAsync(string grantee);

    /// <summary>Every grant on the resource, oldest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<AccessGrant>> ListAsync();
}
