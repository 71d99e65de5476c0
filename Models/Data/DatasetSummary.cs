namespace OrleansAI.Models.Data;

/// <summary>What a checked dataset file holds, without its values.</summary>
/// <param name="Count">Examples.</param>
/// <param name="ExampleShape">The shape of one example.</param>
/// <param name="Classes">The class count its labels are drawn from.</param>
public sealed record DatasetSummary(int Count, int[] ExampleShape, int Classes);
