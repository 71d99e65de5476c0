namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>What a node needs to hold a model version: its ONNX file by hash and the graph's signature.</summary>
/// <param name="ModelKey">Model version key, <c>{owner}/{name}/{version}</c>.</param>
/// <param name="Onnx">The ONNX file by SHA-256.</param>
/// <param name="InputName">The graph's single input.</param>
/// <param name="OutputName">The graph's output.</param>
/// <param name="RowShape">Shape of one input row, without the batch dimension.</param>
/// <param name="OutputWidth">Output values per row.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ModelPlacement")]
public sealed record ModelPlacement(
    [property: Id(0)] string ModelKey,
    [property: Id(1)] ContentReference Onnx,
    [property: Id(2)] string InputName,
    [property: Id(3)] string OutputName,
    [property: Id(4)] IReadOnlyList<long> RowShape,
    [property: Id(5)] long OutputWidth);
