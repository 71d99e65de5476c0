namespace OrleansAI.Inference.Tests.Oip;

/// <summary>A random tensor: its type, shape, the raw values as the client holds them, and the floats the reader must produce.</summary>
internal sealed record TensorSample(string Name, OipDatatype Type, long[] Shape, object[] Raw, float[] Expected, bool Binary, bool Nested);
