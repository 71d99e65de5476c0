namespace OrleansAI.Grains.Models;

/// <summary>Stored state of a <see cref="ClientModelsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ClientModelsState")]
public sealed class ClientModelsState
{
    /// <summary>Model names in registration order.</summary>
    [Id(0)] public List<string> Names { get; set; } = [];
}
