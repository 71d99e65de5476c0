namespace OrleansAI.Learning.Tests.Weights;

public sealed class WeightInitializerTests
{
    [Fact]
    public void LinearAndConvolutionWeightsStayWithinTheKaimingUniformBoundOfTheirFanIn()
    {
        var plan = ModelCatalog.FashionCnn;
        var weights = WeightInitializer.Initialize(plan, seed: 7);
        foreach (var parameter in plan.Parameters.Where(p => p.Role == ParameterRole.Trainable))
        {
            var layerWeight = plan.Parameters.First(p => p.LayerIndex == parameter.LayerIndex && p.Name.EndsWith(".weight", StringComparison.Ordinal));
            if (layerWeight.Shape.Length < 2)
            {
                continue;
            }

            var bound = 1 / Math.Sqrt(layerWeight.Shape.Skip(1).Aggregate(1L, (a, b) => a * b));
            var values = weights.Get(parameter).ToArray();
            Assert.All(values, v => Assert.InRange(Math.Abs(v), 0, bound));
            // A uniform draw over the whole interval: its spread is far from zero and its mean near it.
            Assert.True(values.Max() - values.Min() > bound, $"{parameter.Name} spans too little.");
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameWeightsAndAnotherSeedDifferentOnes()
    {
        var plan = ModelCatalog.Load("fashion-mlp");
        Assert.Equal(WeightInitializer.Initialize(plan, 1).Values, WeightInitializer.Initialize(plan, 1).Values);
        Assert.NotEqual(WeightInitializer.Initialize(plan, 1).Values, WeightInitializer.Initialize(plan, 2).Values);
    }

    [Fact]
    public void BatchNormStartsAsTheIdentity()
    {
        var plan = ModelSpecJson.ParseAndPlan("""{"name":"bn","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":3},{"type":"batchnorm1d"},{"type":"linear","outFeatures":2}]}""");
        var weights = WeightInitializer.Initialize(plan, 3);
        var torch = TorchWeights.Initialize(plan, 3);
        foreach (var parameter in plan.Parameters.Where(p => p.LayerIndex == 1))
        {
            // LibTorch's own initialisation of the same layer is the reference for these constants.
            Assert.Equal(torch.Get(parameter).ToArray(), weights.Get(parameter).ToArray());
        }
    }
}
