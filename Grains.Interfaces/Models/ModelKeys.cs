namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>Model grains are scoped by owner, so two clients' models never collide and ids reveal nothing across owners.</summary>
public static class ModelKeys
{
    /// <summary>The <see cref="IModelGrain"/> key.</summary>
    public static string Model(string owner, string name) => $"{owner}/{name}";

    /// <summary>The <see cref="IModelVersionGrain"/> key.</summary>
    public static string Version(string owner, string name, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{owner}/{name}/{version}");
}
