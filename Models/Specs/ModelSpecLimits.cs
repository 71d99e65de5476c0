namespace OrleansAI.Models.Specs;

/// <summary>
/// Resource bounds a spec must stay within. Specs come from untrusted clients and are trained on
/// providers' machines, so size is checked before anything is allocated.
/// </summary>
public sealed record ModelSpecLimits
{
    /// <summary>Bounds used when none are given.</summary>
    public static ModelSpecLimits Default { get; } = new();

    /// <summary>Largest accepted JSON document, in bytes.</summary>
    public int MaxJsonBytes { get; init; } = 64 * 1024;

    /// <summary>Most layers.</summary>
    public int MaxLayers { get; init; } = 64;

    /// <summary>Most parameters (trainable and buffers).</summary>
    public long MaxParameters { get; init; } = 25_000_000;

    /// <summary>Most activation values per example summed over all layers (4 bytes each).</summary>
    public long MaxActivationsPerExample { get; init; } = 8_000_000;

    /// <summary>Most values in one input example.</summary>
    public int MaxInputElements { get; init; } = 1_000_000;

    /// <summary>Most classes.</summary>
    public int MaxClasses { get; init; } = 10_000;

    /// <summary>Largest kernel size.</summary>
    public int MaxKernelSize { get; init; } = 15;

    /// <summary>Largest width of one layer (features or channels).</summary>
    public int MaxWidth { get; init; } = 65_536;
}
