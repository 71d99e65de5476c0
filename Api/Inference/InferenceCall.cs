using Google.Protobuf;

namespace OrleansAI.Api.Inference;

/// <summary>One inference request as the router runs it.</summary>
/// <param name="ModelKey">Model version key.</param>
/// <param name="Input">Row-major float32 bytes.</param>
/// <param name="Rows">Rows in the input.</param>
/// <param name="OutputWidth">Output values per row.</param>
/// <param name="Replication">Nodes to run it on; the majority answer wins.</param>
/// <param name="AuditRate">Chance that a single-node answer is re-run on another node afterwards.</param>
/// <param name="Rule">When two answers agree.</param>
/// <param name="Timeout">How long the client waits.</param>
/// <param name="RequestId">Id for the disagreement record.</param>
/// <param name="RemoteNodes">Nodes the deployment reports ready, to relay to when no node connected here can answer.</param>
/// <param name="VerifyRate">Chance that a single-node answer is re-computed by the platform's own verifier.</param>
/// <param name="Placement">The model's ONNX file and signature, for the verifier.</param>
public sealed record InferenceCall(
    string ModelKey, ByteString Input, int Rows, int OutputWidth, int Replication, double AuditRate, ComparisonRule Rule, TimeSpan Timeout, string RequestId, IReadOnlyList<string> RemoteNodes,
    double VerifyRate = 0, Grains.Interfaces.Inference.ModelPlacement? Placement = null);
