namespace OrleansAI.Federation.Verification;

/// <summary>One result of a training task that several parties ran from identical inputs.</summary>
/// <param name="Id">Who produced it (a provider address); unique within a comparison.</param>
/// <param name="Parameters">The trained parameters, decoded.</param>
/// <param name="Runtime">The runtime the provider declared, e.g. <c>torchsharp-cpu/threads=1/deterministic</c>; empty when unknown.</param>
/// <param name="Trusted">Whether it comes from the platform's own verifier, whose answer is taken as right.</param>
public sealed record ReplicaResult(string Id, float[] Parameters, string Runtime, bool Trusted = false);
