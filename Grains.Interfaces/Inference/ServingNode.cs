namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>One node asked to hold a deployed model, and what it last reported.</summary>
/// <param name="Address">Provider address.</param>
/// <param name="State">"loading", "ready", "failed", "evicted" or "offline".</param>
/// <param name="Detail">Why it failed, or where it runs ("cpu"/"cuda") when ready.</param>
/// <param name="UpdatedUtc">When the state last changed.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ServingNode")]
public sealed record ServingNode(
    [property: Id(0)] string Address,
    [property: Id(1)] string State,
    [property: Id(2)] string Detail,
    [property: Id(3)] DateTimeOffset UpdatedUtc);
