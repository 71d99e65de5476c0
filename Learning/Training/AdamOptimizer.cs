using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>
/// Adam as PyTorch defines it (L2 weight decay added to the gradient, bias-corrected moments):
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − η/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
/// </summary>
internal sealed class AdamOptimizer : ParameterOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Tensor[] _first;
    private readonly Tensor[] _second;
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _decay;
    private readonly double _learningRate;
    private readonly double _weightDecay;
    private int _steps;

    public AdamOptimizer(IReadOnlyList<Parameter> parameters, double learningRate, double weightDecay)
        : base(parameters)
    {
        _learningRate = learningRate;
        _weightDecay = weightDecay;
        _beta1 = Own(Beta1);
        _oneMinusBeta1 = Own(1 - Beta1);
        _beta2 = Own(Beta2);
        _oneMinusBeta2 = Own(1 - Beta2);
        _epsilon = Own(Epsilon);
        _decay = Own(weightDecay);
        _first = ZerosLike(parameters);
        _second = ZerosLike(parameters);
    }

    public override void Step()
    {
        _steps++;
        using var _ = no_grad();
        using var stepSize = (-_learningRate / (1 - Math.Pow(Beta1, _steps))).ToScalar();
        using var correction = Math.Sqrt(1 - Math.Pow(Beta2, _steps)).ToScalar();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            using var grad = p.grad;
            if (grad is null)
            {
                continue;
            }

            var g = _weightDecay > 0 ? grad.add(p, _decay) : grad;
            _first[i].mul_(_beta1).add_(g, _oneMinusBeta1);
            _second[i].mul_(_beta2).addcmul_(g, g, _oneMinusBeta2);
            using var denominator = _second[i].sqrt().div_(correction).add_(_epsilon);
            p.addcdiv_(_first[i], denominator, stepSize);
        }
    }

    protected override void DisposeState()
    {
        foreach (var t in _first.Concat(_second))
        {
            t.Dispose();
        }
    }
}
