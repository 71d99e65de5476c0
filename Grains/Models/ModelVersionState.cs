namespace OrleansAI.Grains.Models;

/// <summary>Stored state of a <see cref="ModelVersionGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ModelVersionState")]
public sealed class ModelVersionState
{
    /// <summary>The record; null until initialised.</summary>
    [Id(0)] public ModelVersionRecord? Record { get; set; }
}
