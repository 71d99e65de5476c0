using OrleansAI.Grains.Interfaces.Access;

namespace OrleansAI.Grains.Access;

/// <summary>Stored state of a <see cref="ResourceAccessGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ResourceAccessState")]
public sealed class ResourceAccessState
{
    /// <summary>The grants, oldest first; one per grantee.</summary>
    [Id(0)] public List<AccessGrant> Grants { get; set; } = [];
}
