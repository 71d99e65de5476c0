using OrleansAI.Grains.Interfaces.Access;

namespace OrleansAI.Grains.Access;

/// <summary>The grants on one resource: see <see cref="IResourceAccessGrain"/>.</summary>
public sealed class ResourceAccessGrain(
    [PersistentState("access", "Default")] IPersistentState<ResourceAccessState> state) : Grain, IResourceAccessGrain
{
    /// <summary>Most grantees one resource may have.</summary>
    public const int MaxGrants = 200;

    /// <inheritdoc />
    public async Task<AccessGrant> GrantAsync(AccessResource resource, string grantee, AccessRights rights, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(grantee);
        if (resource.Key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"This grain holds the grants of '{this.GetPrimaryKeyString()}', not '{resource.Key}'.", nameof(resource));
        }

        if (rights is not (AccessRights.Read or AccessRights.Use))
        {
            throw new ArgumentOutOfRangeException(nameof(rights), rights, "Only read or use can be granted.");
        }

        if (!AccessGrants.IsClientId(grantee) || grantee == resource.Owner)
        {
            throw new ArgumentException("The grantee must be another client's id (1-64 characters, no '/').", nameof(grantee));
        }

        var grants = state.State.Grants;
        var index = grants.FindIndex(g => g.Grantee == grantee);
        if (index < 0 && grants.Count >= MaxGrants)
        {
            throw new InvalidOperationException($"A resource may be granted to at most {MaxGrants} clients.");
        }

        var grant = new AccessGrant(resource, grantee, rights, now);
        if (index >= 0)
        {
            grants[index] = grant;
        }
        else
        {
            grants.Add(grant);
        }

        await state.WriteStateAsync();
        // The right exists from here on; the grantee's list only helps it find the resource.
        await GrainFactory.GetGrain<IClientGrantsGrain>(grantee).AddAsync(grant);
        return grant;
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string grantee)
    {
        var grants = state.State.Grants;
        var grant = grants.Find(g => g.Grantee == grantee);
        if (grant is null)
        {
            return false;
        }

        grants.Remove(grant);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IClientGrantsGrain>(grantee).RemoveAsync(grant.Resource);
        return true;
    }

    /// <inheritdoc />
    public Task<AccessRights> RightsAsync(string grantee) =>
        Task.FromResult(state.State.Grants.Find(g => g.Grantee == grantee)?.Rights ?? AccessRights.None);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessGrant>> ListAsync() => Task.FromResult<IReadOnlyList<AccessGrant>>([.. state.State.Grants]);
}
