namespace OrleansAI.Node.Serving;

/// <summary>A verified, loaded and warmed-up model with its batcher.</summary>
/// <param name="Descriptor">What was loaded.</param>
/// <param name="Batcher">Its batcher (owns the ONNX Runtime session).</param>
/// <param name="MemoryBytes">Estimated memory: the model's weights as loaded plus the batch buffers.</param>
/// <param name="LoadMs">Download, verification, session creation and warm-up time.</param>
/// <param name="ExecutionProvider">"cuda" or "cpu": where the session runs.</param>
public sealed record LoadedModel(ModelDescriptor Descriptor, InferenceBatcher Batcher, long MemoryBytes, double LoadMs, string ExecutionProvider);
