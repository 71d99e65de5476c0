namespace OrleansAI.Sdk.Cases;

/// <summary>One provider's signed answer in the comparison a case rests on.</summary>
/// <param name="Provider">Provider address.</param>
/// <param name="OutputSha256">SHA-256 of its output.</param>
/// <param name="Output">Its output, stored by that hash.</param>
/// <param name="SessionKey">Inference: the Ed25519 session key it signed with (hex).</param>
/// <param name="Signature">Its signature of the answer (hex).</param>
/// <param name="InMajority">Whether it agreed with the majority or the verifier.</param>
/// <param name="TaskId">Training: the task it answered.</param>
/// <param name="Examples">Training: the examples it claimed.</param>
/// <param name="Runtime">Training: the runtime it declared.</param>
public sealed record SignedAnswer(string Provider, string OutputSha256, ContentReference? Output, string SessionKey, string Signature, bool InMajority, string TaskId, long Examples, string Runtime);
