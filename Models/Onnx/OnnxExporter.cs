using Google.Protobuf;
using Onnx;
using OrleansAI.Models.Weights;

namespace OrleansAI.Models.Onnx;

/// <summary>
/// Builds an ONNX model from a plan and its weights with our own graph builder (TorchSharp cannot
/// export or trace C# modules). Opset 17, IR version 8 (what both ONNX Runtime and the Debian
/// onnx checker accept), float32, a dynamic batch dimension named <c>batch</c>. The graph is the
/// inference form: dropout is the identity and batch norm uses its running statistics.
/// </summary>
public static class OnnxExporter
{
    /// <summary>ONNX operator set the graphs use.</summary>
    public const long Opset = 17;

    /// <summary>ONNX IR version written.</summary>
    public const long IrVersion = 8;

    /// <summary>Name of the graph input.</summary>
    public const string InputName = "input";

    /// <summary>Name of the graph output for a model that ends in scores.</summary>
    public const string LogitsName = "logits";

    /// <summary>Name of the graph output for a model that ends in a softmax.</summary>
    public const string ProbabilitiesName = "probabilities";

    private const int Float = (int)TensorProto.Types.DataType.Float;

    /// <summary>The serialised ONNX model for <paramref name="weights"/>.</summary>
    public static byte[] Export(ModelWeights weights) => Build(weights).ToByteArray();

    /// <summary>The ONNX model for <paramref name="weights"/> as a protobuf object.</summary>
    public static ModelProto Build(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var plan = weights.Plan;
        var graph = new GraphProto { Name = plan.Spec.Name };
        graph.Input.Add(Value(InputName, plan.InputShape));
        foreach (var p in plan.Parameters)
        {
            graph.Initializer.Add(Initializer(p.Name, p.Shape, weights.Get(p)));
        }

        var current = InputName;
        for (var i = 0; i < plan.Spec.Layers.Count; i++)
        {
            var output = i == plan.Spec.Layers.Count - 1 ? (plan.EndsInSoftmax ? ProbabilitiesName : LogitsName) : $"layers.{i}.out";
            AddLayer(graph, plan.Spec.Layers[i], i, current, output);
            current = output;
        }

        graph.Output.Add(Value(current, [plan.Spec.Classes]));
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "OrleansAI",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = graph,
            DocString = $"{plan.Spec.Name}: exported from its ModelSpec and safetensors weights",
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "orleansai.spec", Value = ModelSpecJson.Serialize(plan.Spec) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "orleansai.weights_sha256", Value = weights.Sha256() });
        return model;
    }

    private static void AddLayer(GraphProto graph, LayerSpec layer, int index, string input, string output)
    {
        var prefix = $"layers.{index}";
        switch (layer)
        {
            case LinearSpec l:
                // Gemm computes X·Wᵀ + b with transB, matching PyTorch's [out, in] weight layout.
                graph.Node.Add(Node("Gemm", prefix, l.Bias ? [input, $"{prefix}.weight", $"{prefix}.bias"] : [input, $"{prefix}.weight"], output, Int("transB", 1)));
                break;
            case Conv2dSpec c:
                graph.Node.Add(Node("Conv", prefix, c.Bias ? [input, $"{prefix}.weight", $"{prefix}.bias"] : [input, $"{prefix}.weight"], output,
                    Ints("kernel_shape", c.KernelSize, c.KernelSize), Ints("strides", c.Stride, c.Stride), Ints("pads", c.Padding, c.Padding, c.Padding, c.Padding)));
                break;
            case MaxPool2dSpec m:
                graph.Node.Add(Node("MaxPool", prefix, [input], output,
                    Ints("kernel_shape", m.KernelSize, m.KernelSize), Ints("strides", m.EffectiveStride, m.EffectiveStride), Ints("pads", m.Padding, m.Padding, m.Padding, m.Padding)));
                break;
            case AvgPool2dSpec a:
                graph.Node.Add(Node("AveragePool", prefix, [input], output,
                    Ints("kernel_shape", a.KernelSize, a.KernelSize), Ints("strides", a.EffectiveStride, a.EffectiveStride), Ints("pads", a.Padding, a.Padding, a.Padding, a.Padding),
                    Int("count_include_pad", 1)));
                break;
            case FlattenSpec:
                graph.Node.Add(Node("Flatten", prefix, [input], output, Int("axis", 1)));
                break;
            case ReluSpec:
                graph.Node.Add(Node("Relu", prefix, [input], output));
                break;
            case GeluSpec:
                AddGelu(graph, prefix, input, output);
                break;
            case DropoutSpec:
                graph.Node.Add(Node("Identity", prefix, [input], output));
                break;
            case BatchNormSpec b:
                graph.Node.Add(Node("BatchNormalization", prefix,
                    [input, $"{prefix}.weight", $"{prefix}.bias", $"{prefix}.running_mean", $"{prefix}.running_var"], output,
                    Float32("epsilon", (float)b.Eps), Float32("momentum", (float)(1 - b.Momentum))));
                break;
            case SoftmaxSpec:
                graph.Node.Add(Node("Softmax", prefix, [input], output, Int("axis", 1)));
                break;
            default:
                throw new NotSupportedException($"No ONNX form for layer type '{layer.Kind}'.");
        }
    }

    // Opset 17 has no Gelu operator, so the exact form is spelled out: 0.5·x·(1 + erf(x/√2)).
    private static void AddGelu(GraphProto graph, string prefix, string input, string output)
    {
        graph.Initializer.Add(Initializer($"{prefix}.sqrt2", [], [MathF.Sqrt(2f)]));
        graph.Initializer.Add(Initializer($"{prefix}.one", [], [1f]));
        graph.Initializer.Add(Initializer($"{prefix}.half", [], [0.5f]));
        graph.Node.Add(Node("Div", $"{prefix}.div", [input, $"{prefix}.sqrt2"], $"{prefix}.scaled"));
        graph.Node.Add(Node("Erf", $"{prefix}.erf", [$"{prefix}.scaled"], $"{prefix}.erf_out"));
        graph.Node.Add(Node("Add", $"{prefix}.add", [$"{prefix}.erf_out", $"{prefix}.one"], $"{prefix}.shifted"));
        graph.Node.Add(Node("Mul", $"{prefix}.mul", [input, $"{prefix}.shifted"], $"{prefix}.product"));
        graph.Node.Add(Node("Mul", prefix, [$"{prefix}.product", $"{prefix}.half"], output));
    }

    private static NodeProto Node(string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Float32(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static TensorProto Initializer(string name, IReadOnlyList<int> shape, ReadOnlySpan<float> values)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.Dims.AddRange(shape.Select(d => (long)d));
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    private static ValueInfoProto Value(string name, IReadOnlyList<int> exampleShape)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        foreach (var d in exampleShape)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = Float, Shape = shape } },
        };
    }
}
