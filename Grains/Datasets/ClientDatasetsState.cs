using OrleansAI.Grains.Interfaces.Datasets;

namespace OrleansAI.Grains.Datasets;

/// <summary>Stored state of a <see cref="ClientDatasetsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ClientDatasetsState")]
public sealed class ClientDatasetsState
{
    /// <summary>The client's datasets, oldest first.</summary>
    [Id(0)] public List<DatasetRecord> Datasets { get; set; } = [];
}
