namespace OrleansAI.Grains.Verification;

/// <summary>
/// The platform's side of training verification: the provider addresses of its own verifier nodes
/// (trusted: their answers decide canaries and replays, and they are never sampled for ordinary work)
/// and the chain id results are signed for (evidence names it).
/// </summary>
/// <param name="Verifiers">Verifier node addresses, lower-case.</param>
/// <param name="ChainId">The chain id providers sign results for.</param>
public sealed record VerificationSetup(IReadOnlyList<string> Verifiers, long ChainId)
{
    /// <summary>No verifier nodes.</summary>
    public static VerificationSetup None { get; } = new([], 31337);

    /// <summary>Whether <paramref name="address"/> is one of the platform's verifiers.</summary>
    public bool IsVerifier(string address) => Verifiers.Contains(address, StringComparer.Ordinal);
}
