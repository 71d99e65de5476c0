namespace OrleansAI.Sdk.Providers;

/// <summary>What a provider declared it can do.</summary>
/// <param name="Device">cpu or cuda.</param>
/// <param name="MemoryMb">Memory it offers.</param>
/// <param name="Datasets">Datasets it holds locally (federated jobs).</param>
/// <param name="PricePerTask">Its price per training task.</param>
/// <param name="MaxConcurrentTasks">Training tasks it runs at once.</param>
/// <param name="Agent">Its node software.</param>
/// <param name="Serves">Whether it serves inference.</param>
/// <param name="ServingMemoryMb">Memory for cached models.</param>
/// <param name="PricePer1kInferences">Its price per thousand inference calls.</param>
public sealed record ProviderCapabilities(
    string Device,
    long MemoryMb,
    IReadOnlyList<string> Datasets,
    decimal PricePerTask,
    int MaxConcurrentTasks,
    string Agent,
    bool Serves,
    long ServingMemoryMb,
    decimal PricePer1kInferences);
