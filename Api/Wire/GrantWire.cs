using OrleansAI.Sdk.Access;

namespace OrleansAI.Api.Wire;

/// <summary>Grants as the API shows them.</summary>
public static class GrantWire
{
    /// <summary>The wire view of a grant.</summary>
    public static GrantView View(AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var resource = grant.Resource;
        return new GrantView(
            resource.Kind,
            resource.Owner,
            resource.Name,
            resource.Version,
            grant.Grantee,
            AccessGrants.Name(grant.Rights),
            grant.GrantedUtc,
            resource.Kind == AccessResource.ModelKind ? $"{resource.Owner}.{resource.Name}" : null);
    }
}
