namespace OrleansAI.Grains.Jobs;

/// <summary>A submission remembered under its idempotency key.</summary>
/// <param name="JobId">The job it created.</param>
/// <param name="Fingerprint">SHA-256 of the request it came with.</param>
/// <param name="AtUtc">When the key was first used.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.IdempotentSubmission")]
public sealed record IdempotentSubmission([property: Id(0)] string JobId, [property: Id(1)] string Fingerprint, [property: Id(2)] DateTimeOffset AtUtc);
