namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What a job needs from a provider.</summary>
/// <param name="Dataset">A dataset the provider must hold; empty for any.</param>
/// <param name="MinMemoryMb">Least memory.</param>
/// <param name="RequireGpu">Whether only CUDA providers qualify.</param>
/// <param name="MaxPricePerTask">Highest acceptable asking price; null for any.</param>
/// <param name="ServesInference">Whether only providers that serve inference qualify.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderCriteria")]
public sealed record ProviderCriteria(
    [property: Id(0)] string Dataset,
    [property: Id(1)] long MinMemoryMb = 0,
    [property: Id(2)] bool RequireGpu = false,
    [property: Id(3)] decimal? MaxPricePerTask = null,
    [property: Id(4)] bool ServesInference = false)
{
    /// <summary>Whether a provider with <paramref name="capabilities"/> qualifies.</summary>
    public bool Matches(ProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return (Dataset.Length == 0 || capabilities.Datasets.Contains(Dataset, StringComparer.Ordinal))
            && (!ServesInference || capabilities.Serves)
            && capabilities.MemoryMb >= MinMemoryMb
            && (!RequireGpu || capabilities.Device == "cuda")
            && (MaxPricePerTask is null || capabilities.PricePerTask <= MaxPricePerTask);
    }
}
