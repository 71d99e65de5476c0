using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>SGD as PyTorch defines it: g = ∇ + λw; b = μb + g (b = g at the first step); w ← w − η·b.</summary>
internal sealed class SgdOptimizer : ParameterOptimizer
{
    private readonly Tensor[]? _momentum;
    private readonly Scalar _negativeRate;
    private readonly Scalar _decay;
    private readonly Scalar _mu;
    private readonly double _weightDecay;
    private bool _started;

    public SgdOptimizer(IReadOnlyList<Parameter> parameters, double learningRate, double momentum, double weightDecay)
        : base(parameters)
    {
        _negativeRate = Own(-learningRate);
        _decay = Own(weightDecay);
        _mu = Own(momentum);
        _weightDecay = weightDecay;
        _momentum = momentum > 0 ? ZerosLike(parameters) : null;
    }

    public override void Step()
    {
        using var _ = no_grad();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            using var grad = p.grad;
            if (grad is null)
            {
                continue;
            }

            var g = _weightDecay > 0 ? grad.add(p, _decay) : grad;
            if (_momentum is { } buffers)
            {
                if (_started)
                {
                    buffers[i].mul_(_mu).add_(g);
                }
                else
                {
                    buffers[i].copy_(g);
                }

                g = buffers[i];
            }

            p.add_(g, _negativeRate);
        }

        _started = true;
    }

    protected override void DisposeState()
    {
        foreach (var buffer in _momentum ?? [])
        {
            buffer.Dispose();
        }
    }
}
