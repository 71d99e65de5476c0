namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>One provider's signed answer in a comparison.</summary>
/// <param name="Provider">Provider address.</param>
/// <param name="OutputSha256">SHA-256 of its output (row-major float32 bytes).</param>
/// <param name="Output">Its output, stored by that hash, so an arbiter can look at it.</param>
/// <param name="SessionKey">The Ed25519 session key it signed with (hex).</param>
/// <param name="Signature">Its signature of the answer (hex; see <c>InferenceReceipt</c>).</param>
/// <param name="InMajority">Whether it agreed with the majority.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.SignedAnswer")]
public sealed record SignedAnswer(
    [property: Id(0)] string Provider,
    [property: Id(1)] string OutputSha256,
    [property: Id(2)] Storage.ContentReference? Output,
    [property: Id(3)] string SessionKey,
    [property: Id(4)] string Signature,
    [property: Id(5)] bool InMajority);
