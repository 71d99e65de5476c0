namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>One provider's signed answer in a comparison.</summary>
/// <param name="Provider">Provider address.</param>
/// <param name="OutputSha256">SHA-256 of its output (row-major float32 bytes).</param>
/// <param name="Output">Its output, stored by that hash, so an arbiter can look at it.</param>
/// <param name="SessionKey">The Ed25519 session key it signed with (hex).</param>
/// <param name="Signature">Its signature of the answer (hex; see <c>InferenceReceipt</c>).</param>
/// <param name="InMajority">Whether it agreed with the majority (training: with the verifier or the majority).</param>
/// <param name="TaskId">Training: the task it answered; its EIP-191 signature covers the task id, result hash, length, examples and runtime.</param>
/// <param name="Examples">Training: the examples it claimed.</param>
/// <param name="Runtime">Training: the runtime it declared (bitwise or tolerance comparison).</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.SignedAnswer")]
public sealed record SignedAnswer(
    [property: Id(0)] string Provider,
    [property: Id(1)] string OutputSha256,
    [property: Id(2)] Storage.ContentReference? Output,
    [property: Id(3)] string SessionKey,
    [property: Id(4)] string Signature,
    [property: Id(5)] bool InMajority,
    [property: Id(6)] string TaskId = "",
    [property: Id(7)] long Examples = 0,
    [property: Id(8)] string Runtime = "");
