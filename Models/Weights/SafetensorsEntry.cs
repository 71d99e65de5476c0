namespace OrleansAI.Models.Weights;

/// <summary>One tensor a safetensors header names, checked against the file's data section.</summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="Shape">Its dimensions.</param>
/// <param name="Begin">First byte of its data, counted from the start of the data section.</param>
/// <param name="End">One past its last byte.</param>
/// <param name="Elements">Its element count (the product of <paramref name="Shape"/>).</param>
public sealed record SafetensorsEntry(string Name, int[] Shape, long Begin, long End, long Elements);
