using OrleansAI.Grains.Interfaces.Access;

namespace OrleansAI.Grains.Access;

/// <summary>Stored state of a <see cref="ClientGrantsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ClientGrantsState")]
public sealed class ClientGrantsState
{
    /// <summary>Grants received, oldest first; one per resource.</summary>
    [Id(0)] public List<AccessGrant> Received { get; set; } = [];
}
