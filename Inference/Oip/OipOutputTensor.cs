namespace OrleansAI.Inference.Oip;

/// <summary>
/// One output tensor of an inference response. Exactly one of the data arrays is set, matching the
/// datatype: <paramref name="Floats"/> for FP16/FP32/FP64, <paramref name="Longs"/> for the integer types
/// and BOOL (0 or 1), <paramref name="Strings"/> for BYTES.
/// </summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="Shape">The tensor's dimensions; their product must equal the data's length.</param>
/// <param name="Datatype">The datatype written on the wire.</param>
/// <param name="Floats">Elements of a floating-point tensor, row-major.</param>
/// <param name="Longs">Elements of an integer or BOOL tensor, row-major; each must fit the datatype.</param>
/// <param name="Strings">Elements of a BYTES tensor, row-major.</param>
/// <param name="Binary">Whether to send the tensor as binary data (the binary tensor data extension) rather than JSON.</param>
public sealed record OipOutputTensor(
    string Name,
    long[] Shape,
    OipDatatype Datatype,
    float[]? Floats = null,
    long[]? Longs = null,
    string[]? Strings = null,
    bool Binary = false);
