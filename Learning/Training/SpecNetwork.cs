using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansAI.Learning.Training;

/// <summary>
/// The TorchSharp module built from a validated plan. Its children are named by layer index under
/// <c>layers</c>, so its parameter names are exactly the plan's (<c>layers.0.weight</c>, …).
/// A trailing softmax is applied only by <see cref="forward"/>; training uses <see cref="Logits"/>
/// so the loss sees raw scores.
/// </summary>
public sealed class SpecNetwork : Module<Tensor, Tensor>
{
    private readonly Sequential layers;
    private readonly bool _softmax;

    /// <summary>Builds the module for <paramref name="plan"/> with PyTorch's default initialisation.</summary>
    public SpecNetwork(ModelPlan plan)
        : base("spec_network")
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        var modules = new List<(string, Module<Tensor, Tensor>)>();

        // Initialisation draws from LibTorch's process-wide generator; a seeded run on another
        // thread must not see those draws, so building takes the determinism lock (re-entrant).
        lock (Determinism.Gate)
        {
            for (var i = 0; i < plan.Spec.Layers.Count; i++)
            {
                var layer = plan.Spec.Layers[i];
                if (layer is SoftmaxSpec)
                {
                    continue;
                }

                modules.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), Build(layer, plan.Shapes[i])));
            }
        }

        _softmax = plan.EndsInSoftmax;
        layers = Sequential(modules);
        RegisterComponents();
    }

    /// <summary>The plan the module was built from.</summary>
    public ModelPlan Plan { get; }

    /// <summary>Scores before any trailing softmax.</summary>
    public Tensor Logits(Tensor input) => layers.forward(input);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => _softmax ? functional.softmax(layers.forward(input), 1) : layers.forward(input);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Module<Tensor, Tensor> Build(LayerSpec layer, int[] input) => layer switch
    {
        LinearSpec l => Linear(input[0], l.OutFeatures, hasBias: l.Bias),
        Conv2dSpec c => Conv2d(input[0], c.OutChannels, c.KernelSize, stride: c.Stride, padding: c.Padding, bias: c.Bias),
        MaxPool2dSpec m => MaxPool2d(m.KernelSize, m.EffectiveStride, m.Padding),
        AvgPool2dSpec a => AvgPool2d(a.KernelSize, a.EffectiveStride, a.Padding),
        FlattenSpec => Flatten(),
        ReluSpec => ReLU(),
        GeluSpec => GELU(),
        DropoutSpec d => Dropout(d.P),
        BatchNorm1dSpec b => BatchNorm1d(input[0], b.Eps, b.Momentum),
        BatchNorm2dSpec b => BatchNorm2d(input[0], b.Eps, b.Momentum),
        _ => throw new NotSupportedException($"No module for layer type '{layer.Kind}'."),
    };
}
