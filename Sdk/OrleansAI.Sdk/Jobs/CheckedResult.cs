namespace OrleansAI.Sdk.Jobs;

/// <summary>One result in a checked work item.</summary>
/// <param name="Provider">Who computed it (the platform's verifier has its own address).</param>
/// <param name="TaskId">Its task.</param>
/// <param name="Role">Why it was computed: the original task, a replica, a canary or a replay.</param>
/// <param name="ResultSha256">SHA-256 of the result.</param>
/// <param name="Standing">How it came out of the comparison.</param>
/// <param name="Method">How it was compared: bitwise or within the job's tolerance.</param>
/// <param name="Cosine">Cosine of its update with the reference, when compared within tolerance.</param>
/// <param name="MaxAbsDifference">Largest weight difference from the reference, when compared within tolerance.</param>
/// <param name="Note">Anything else the check recorded.</param>
public sealed record CheckedResult(string Provider, string TaskId, string Role, string ResultSha256, string Standing, string Method, double? Cosine, double? MaxAbsDifference, string Note);
