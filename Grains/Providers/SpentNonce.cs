namespace OrleansAI.Grains.Providers;

/// <summary>A sign-in nonce a login spent, kept until it expires so it cannot be spent again.</summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="ExpiresUtc">When its challenge expires.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.SpentNonce")]
public sealed record SpentNonce([property: Id(0)] string Nonce, [property: Id(1)] DateTimeOffset ExpiresUtc);
