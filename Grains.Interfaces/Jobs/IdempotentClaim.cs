namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>What an idempotency key stands for.</summary>
/// <param name="JobId">The job the key created (or, when new, the id proposed for it).</param>
/// <param name="Matches">Whether the key was first used with the same request.</param>
/// <param name="IsNew">Whether this call claimed the key.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.IdempotentClaim")]
public sealed record IdempotentClaim([property: Id(0)] string JobId, [property: Id(1)] bool Matches, [property: Id(2)] bool IsNew);
