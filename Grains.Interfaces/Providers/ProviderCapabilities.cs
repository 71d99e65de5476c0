namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What a provider says it offers; self-declared, so only used for matching, never trusted for pay.</summary>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="MemoryMb">Memory available to tasks.</param>
/// <param name="Datasets">Datasets the provider holds locally.</param>
/// <param name="PricePerTask">Asking price per task in the payment token's smallest unit.</param>
/// <param name="MaxConcurrentTasks">Tasks it runs at once.</param>
/// <param name="Agent">Agent name and version, for operators.</param>
/// <param name="Serves">Whether it serves inference.</param>
/// <param name="ServingMemoryMb">Memory its model cache may use.</param>
/// <param name="PricePer1kInferences">Asking price per thousand inferences.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderCapabilities")]
public sealed record ProviderCapabilities(
    [property: Id(0)] string Device,
    [property: Id(1)] long MemoryMb,
    [property: Id(2)] IReadOnlyList<string> Datasets,
    [property: Id(3)] decimal PricePerTask,
    [property: Id(4)] int MaxConcurrentTasks,
    [property: Id(5)] string Agent,
    [property: Id(6)] bool Serves = false,
    [property: Id(7)] long ServingMemoryMb = 0,
    [property: Id(8)] decimal PricePer1kInferences = 0)
{
    /// <summary>Most datasets one provider may declare.</summary>
    public const int MaxDatasets = 32;

    /// <summary>Longest dataset or agent name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Most concurrent tasks one provider may declare.</summary>
    public const int MaxTasks = 64;
}
