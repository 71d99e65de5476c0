using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OrleansAI.Models.Onnx;
using OrleansAI.Learning.Tests.Training;

namespace OrleansAI.Learning.Tests.Onnx;

public sealed class OnnxParityTests
{
    public static TheoryData<string, string> LayerCases => new()
    {
        { "linear", """[4],"layers":[{"type":"linear","outFeatures":3}]""" },
        { "linear-no-bias", """[4],"layers":[{"type":"linear","outFeatures":3,"bias":false}]""" },
        { "conv2d", """[2,7,7],"layers":[{"type":"conv2d","outChannels":3,"kernelSize":3,"stride":2,"padding":1},{"type":"flatten"},{"type":"linear","outFeatures":3}]""" },
        { "maxpool2d", """[2,7,7],"layers":[{"type":"maxpool2d","kernelSize":3,"stride":2,"padding":1},{"type":"flatten"},{"type":"linear","outFeatures":3}]""" },
        { "avgpool2d", """[2,7,7],"layers":[{"type":"avgpool2d","kernelSize":3,"stride":2,"padding":1},{"type":"flatten"},{"type":"linear","outFeatures":3}]""" },
        { "flatten", """[2,3,3],"layers":[{"type":"flatten"},{"type":"linear","outFeatures":3}]""" },
        { "relu", """[4],"layers":[{"type":"linear","outFeatures":8},{"type":"relu"},{"type":"linear","outFeatures":3}]""" },
        { "gelu", """[4],"layers":[{"type":"linear","outFeatures":8},{"type":"gelu"},{"type":"linear","outFeatures":3}]""" },
        { "dropout", """[4],"layers":[{"type":"dropout","p":0.5},{"type":"linear","outFeatures":3}]""" },
        { "batchnorm1d", """[4],"layers":[{"type":"linear","outFeatures":6},{"type":"batchnorm1d","eps":0.001},{"type":"linear","outFeatures":3}]""" },
        { "batchnorm2d", """[2,5,5],"layers":[{"type":"batchnorm2d"},{"type":"flatten"},{"type":"linear","outFeatures":3}]""" },
        { "softmax", """[4],"layers":[{"type":"linear","outFeatures":3},{"type":"softmax"}]""" },
    };

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void OnnxRuntimeMatchesTorchSharpForEveryLayerType(string name, string shapeAndLayers)
    {
        var plan = ModelSpecJson.ParseAndPlan($$"""{"name":"{{name}}","classes":3,"inputShape":{{shapeAndLayers}}}""");
        var weights = RandomiseBuffers(TorchWeights.Initialize(plan, seed: 11));
        var inputs = SyntheticData.Blobs(17, [.. plan.InputShape], 3, seed: 12, spread: 1.5);

        var expected = Predictor.Outputs(weights, inputs);
        var actual = RunOnnx(OnnxExporter.Export(weights), inputs);

        Assert.Equal(expected.Length, actual.Length);
        var maxDiff = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff <= 1e-4, $"{name}: max abs difference {maxDiff}");
    }

    [Fact]
    public void TheDefaultCnnExportsWithProvenanceAndMatchesTorchSharp()
    {
        var weights = RandomiseBuffers(TorchWeights.Initialize(ModelCatalog.FashionCnn, seed: 3));
        var inputs = SyntheticData.Blobs(9, [1, 28, 28], 10, seed: 4);
        var model = OnnxExporter.Build(weights);

        var expected = Predictor.Outputs(weights, inputs);
        var actual = RunOnnx(OnnxExporter.Export(weights), inputs);

        Assert.True(expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max() <= 1e-4);
        Assert.Equal(17, model.OpsetImport.Single().Version);
        Assert.Equal(weights.Sha256(), model.MetadataProps.Single(m => m.Key == "orleansai.weights_sha256").Value);
    }

    [Fact]
    public void TheExportedFilePassesTheOnnxChecker()
    {
        var weights = TorchWeights.Initialize(ModelSpecJson.ParseAndPlan("""
            {"name":"all","inputShape":[1,8,8],"classes":4,"layers":[
              {"type":"conv2d","outChannels":4,"kernelSize":3,"padding":1},{"type":"batchnorm2d"},{"type":"gelu"},
              {"type":"maxpool2d","kernelSize":2},{"type":"avgpool2d","kernelSize":2},{"type":"flatten"},{"type":"dropout","p":0.1},
              {"type":"linear","outFeatures":8},{"type":"batchnorm1d"},{"type":"relu"},{"type":"linear","outFeatures":4},{"type":"softmax"}]}
            """), seed: 1);
        var path = Path.Combine(Path.GetTempPath(), $"oai-check-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, OnnxExporter.Export(weights));
        try
        {
            // Debian's python3-onnx lives under /usr/bin/python3; another python3 may come first on PATH.
            var start = new ProcessStartInfo("/usr/bin/python3", ["-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print('ok')", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, $"onnx.checker failed (install python3-onnx with infra/local/stack.sh install): {stderr}");
            Assert.Equal("ok", stdout.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static float[] RunOnnx(byte[] model, LabeledDataset inputs)
    {
        using var session = new InferenceSession(model);
        long[] shape = [inputs.Count, .. inputs.ExampleShape.Select(d => (long)d)];
        using var input = OrtValue.CreateTensorValueFromMemory(inputs.Features, shape);
        using var outputs = session.Run(new RunOptions(), [OnnxExporter.InputName], [input], session.OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    // Fresh batch-norm statistics are 0 and 1, which would hide a mix-up of mean and variance.
    private static ModelWeights RandomiseBuffers(ModelWeights weights)
    {
        var random = new Random(99);
        foreach (var p in weights.Plan.Parameters.Where(p => p.Role == ParameterRole.Buffer || p.Name.EndsWith("weight", StringComparison.Ordinal) && p.Shape.Length == 1))
        {
            var values = weights.Get(p);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = p.Name.EndsWith("running_var", StringComparison.Ordinal) ? 0.5f + (float)random.NextDouble() : (float)(random.NextDouble() - 0.5);
            }
        }

        return weights;
    }
}
