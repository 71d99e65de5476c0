namespace OrleansAI.Models.Specs;

/// <summary>The per-example output shape of a layer, or why the layer cannot take its input.</summary>
public readonly record struct ShapeResult(int[]? Shape, string? Error)
{
    /// <summary>A valid output shape.</summary>
    public static ShapeResult Ok(params int[] shape) => new(shape, null);

    /// <summary>The layer rejects its input or its own settings.</summary>
    public static ShapeResult Fail(string error) => new(null, error);
}
