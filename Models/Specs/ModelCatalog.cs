using System.Reflection;

namespace OrleansAI.Models.Specs;

/// <summary>Specs that ship with the platform (Models/Specs/Models/*.json, embedded).</summary>
public static class ModelCatalog
{
    /// <summary>The default Fashion-MNIST CNN: two conv/batch-norm/pool blocks and a 128-unit head.</summary>
    public static ModelPlan FashionCnn => Load("fashion-cnn");

    /// <summary>Loads and validates the embedded spec <c>{name}.json</c>.</summary>
    public static ModelPlan Load(string name) => ModelSpecJson.ParseAndPlan(Json(name));

    /// <summary>The JSON of the embedded spec <c>{name}.json</c>.</summary>
    public static string Json(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"OrleansAI.Models.Specs.{name}.json")
            ?? throw new ArgumentException($"No built-in model named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
