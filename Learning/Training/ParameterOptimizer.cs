using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>
/// The optimisers our trainer runs, written on tensor operations with every scalar created
/// explicitly and kept alive for as long as LibTorch uses it. TorchSharp's own optimisers pass
/// implicitly converted scalars that only the garbage collector frees; under load one was seen
/// freed during the native call ("Unknown scalar type" in mul_), killing a long federated run.
/// Explicit ownership removes that race and keeps every step deterministic.
/// </summary>
internal abstract class ParameterOptimizer : IDisposable
{
    private readonly List<Scalar> _owned = [];

    protected ParameterOptimizer(IReadOnlyList<Parameter> parameters) => Parameters = parameters;

    protected IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>Applies one update from the current gradients.</summary>
    public abstract void Step();

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeState();
        foreach (var scalar in _owned)
        {
            scalar.Dispose();
        }
    }

    /// <summary>Frees the optimiser's state tensors.</summary>
    protected abstract void DisposeState();

    /// <summary>A scalar that lives as long as the optimiser.</summary>
    protected Scalar Own(double value)
    {
        var scalar = value.ToScalar();
        _owned.Add(scalar);
        return scalar;
    }

    /// <summary>State tensors made outside any dispose scope, so they survive the per-batch scopes.</summary>
    protected static Tensor[] ZerosLike(IReadOnlyList<Parameter> parameters)
    {
        using var _ = no_grad();
        return [.. parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }
}
