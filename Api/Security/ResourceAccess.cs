using OrleansAI.Grains.Interfaces.Access;
using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Api.Security;

/// <summary>
/// Decides what a caller may do with a dataset or model version, and records the access in the
/// audit log. Owners hold every right; anyone else holds what the owner granted (one grain call,
/// to the resource's own grain).
/// </summary>
public sealed class ResourceAccess(IGrainFactory grains, IAuditLog audit)
{
    /// <summary>The right <paramref name="caller"/> holds on <paramref name="resource"/>.</summary>
    public async Task<AccessRights> RightsAsync(string caller, AccessResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return caller == resource.Owner
            ? AccessRights.Owner
            : await grains.GetGrain<IResourceAccessGrain>(resource.Key).RightsAsync(caller);
    }

    /// <summary>
    /// Whether <paramref name="caller"/> holds <paramref name="needed"/> on <paramref name="resource"/>;
    /// a refusal is recorded for the owner to see.
    /// </summary>
    public async Task<bool> AllowsAsync(HttpContext http, string caller, AccessResource resource, AccessRights needed, string action)
    {
        ArgumentNullException.ThrowIfNull(http);
        var held = await RightsAsync(caller, resource);
        if (AccessGrants.Allows(held, needed))
        {
            return true;
        }

        Record(http, action, resource, allowed: false, held == AccessRights.None ? "no grant" : $"holds {AccessGrants.Name(held)}, needs {AccessGrants.Name(needed)}");
        return false;
    }

    /// <summary>Records one access to <paramref name="resource"/> by the caller of <paramref name="http"/>.</summary>
    public void Record(HttpContext http, string action, AccessResource resource, bool allowed, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(resource);
        audit.Record(new AuditEvent(http.User.ClientId(), action, resource.Key, resource.Owner, Hosting.Audit.AuditSource.Of(http), allowed, detail));
    }
}
