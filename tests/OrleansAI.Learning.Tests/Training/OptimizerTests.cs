using TorchSharp;
using static TorchSharp.torch;

namespace OrleansAI.Learning.Tests.Training;

public sealed class OptimizerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void OurAdamFollowsLibTorchsAdamStepForStep(double weightDecay)
    {
        var (ours, reference) = Pair();
        using var optimizer = new AdamOptimizer([.. ours.parameters()], 0.05, weightDecay);
        using var libtorch = optim.Adam(reference.parameters(), 0.05, weight_decay: weightDecay);

        for (var step = 0; step < 8; step++)
        {
            Train(ours, optimizer.ZeroGrad, optimizer.Step, step);
            Train(reference, libtorch.zero_grad, () => libtorch.step(), step);
        }

        AssertClose(ours, reference);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.01)]
    public void OurSgdFollowsLibTorchsSgdStepForStep(double momentum, double weightDecay)
    {
        var (ours, reference) = Pair();
        using var optimizer = new SgdOptimizer([.. ours.parameters()], 0.1, momentum, weightDecay);
        using var libtorch = optim.SGD(reference.parameters(), 0.1, momentum: momentum, weight_decay: weightDecay);

        for (var step = 0; step < 8; step++)
        {
            Train(ours, optimizer.ZeroGrad, optimizer.Step, step);
            Train(reference, libtorch.zero_grad, () => libtorch.step(), step);
        }

        AssertClose(ours, reference);
    }

    private static (nn.Module<Tensor, Tensor> Ours, nn.Module<Tensor, Tensor> Reference) Pair()
    {
        nn.Module<Tensor, Tensor> ours, reference;
        lock (Determinism.Gate)
        {
            ours = nn.Linear(4, 3);
            reference = nn.Linear(4, 3);
        }

        reference.load_state_dict(ours.state_dict());
        return (ours, reference);
    }

    private static void Train(nn.Module<Tensor, Tensor> model, Action zero, Action step, int seed)
    {
        using var scope = NewDisposeScope();
        // Its own generator: other tests use the global one concurrently.
        using var generator = new Generator((ulong)(100 + seed));
        var x = randn([8, 4], generator: generator);
        var y = randint(0, 3, [8], generator: generator);
        zero();
        nn.functional.cross_entropy(model.forward(x), y).backward();
        step();
    }

    private static void AssertClose(nn.Module<Tensor, Tensor> a, nn.Module<Tensor, Tensor> b)
    {
        foreach (var ((name, x), (_, y)) in a.named_parameters().Zip(b.named_parameters()))
        {
            var diff = (x - y).abs().max().item<float>();
            Assert.True(diff < 1e-6, $"{name} differs by {diff}");
        }
    }
}
