namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// A provider's sign-in that delegated an Ed25519 session key: the exact text it signed (which names
/// the key) and its EIP-191 signature. With a session-key signature of an answer, it proves the
/// answer came from the provider's Ethereum account.
/// </summary>
/// <param name="SessionKey">The session public key, lower-case hex.</param>
/// <param name="LoginMessage">The signed sign-in text.</param>
/// <param name="LoginSignature">Its EIP-191 signature by the provider's account.</param>
/// <param name="SignedInUtc">When the sign-in was accepted.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderSession")]
public sealed record ProviderSession(
    [property: Id(0)] string SessionKey,
    [property: Id(1)] string LoginMessage,
    [property: Id(2)] string LoginSignature,
    [property: Id(3)] DateTimeOffset SignedInUtc);
