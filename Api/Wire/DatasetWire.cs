using OrleansAI.Grains.Interfaces.Datasets;
using OrleansAI.Sdk.Datasets;

namespace OrleansAI.Api.Wire;

/// <summary>Datasets as the API shows them.</summary>
public static class DatasetWire
{
    /// <summary>The view of a dataset record.</summary>
    public static Dataset View(DatasetRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Sha256, d.Length, d.Name, d.Examples, d.ExampleShape, d.Classes, d.UploadedUtc);
    }
}
