using System.Security.Cryptography;
using OrleansAI.Models.Onnx;
using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;

namespace OrleansAI.Node.Tests;

/// <summary>Small real ONNX models exported by our graph builder, and their descriptors.</summary>
internal static class TinyModels
{
    public const string Spec = """{"name":"tiny","inputShape":[1,4,4],"classes":5,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":8},{"type":"relu"},{"type":"linear","outFeatures":5}]}""";

    public static byte[] Onnx(int seed) => OnnxExporter.Export(WeightInitializer.Initialize(ModelSpecJson.ParseAndPlan(Spec), seed));

    public static ModelDescriptor Describe(string key, string url, byte[] onnx, string? sha256 = null) =>
        new(key, new Uri(url), sha256 ?? Convert.ToHexStringLower(SHA256.HashData(onnx)), onnx.Length, OnnxExporter.InputName, OnnxExporter.LogitsName, [1, 4, 4], 5);

    public static float[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count * 16).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }
}
