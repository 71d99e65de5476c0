namespace OrleansAI.Models.Specs;

/// <summary>
/// A declarative model architecture as a client submits it: the shape of one input example, a
/// sequence of layers, and the number of classes. It carries no code; <see cref="ModelPlanner"/>
/// checks it and works out every shape and parameter.
/// </summary>
/// <param name="Name">A short name (letters, digits, '.', '_' or '-').</param>
/// <param name="InputShape">Shape of one example without the batch dimension, e.g. [1, 28, 28].</param>
/// <param name="Classes">Number of output classes; the last layer must produce exactly this many scores.</param>
/// <param name="Layers">The layers, applied in order.</param>
public sealed record ModelSpec(string Name, IReadOnlyList<int> InputShape, int Classes, IReadOnlyList<LayerSpec> Layers);
