namespace OrleansAI.Learning.Tests.Specs;

public sealed class ModelSpecTests
{
    private const string Mlp = """
        {"name":"mlp","inputShape":[1,4,4],"classes":3,"layers":[
          {"type":"flatten"},{"type":"linear","outFeatures":8},{"type":"relu"},{"type":"linear","outFeatures":3}]}
        """;

    [Fact]
    public void TheDefaultFashionCnnPlansEveryShapeAndParameter()
    {
        var plan = ModelCatalog.FashionCnn;

        Assert.Equal([1, 28, 28], plan.Shapes[0]);
        Assert.Equal([32, 14, 14], plan.Shapes[4]);
        Assert.Equal([64, 7, 7], plan.Shapes[8]);
        Assert.Equal([3136], plan.Shapes[9]);
        Assert.Equal([10], plan.Shapes[^1]);
        Assert.Equal("layers.0.weight", plan.Parameters[0].Name);
        Assert.Equal([32, 1, 3, 3], plan.Parameters[0].Shape);
        Assert.Contains(plan.Parameters, p => p.Name == "layers.5.running_var" && p.Role == ParameterRole.Buffer);
        // conv 320 + bn 4*32 + conv 18,496 + bn 4*64 + linear 401,536 + linear 1,290
        Assert.Equal(320 + 128 + 18_496 + 256 + 401_536 + 1_290, plan.ParameterCount);
        Assert.Equal(plan.ParameterCount - 2 * (32 + 64), plan.TrainableCount);
    }

    [Fact]
    public void SerializingAndParsingGivesTheSameSpec()
    {
        var json = ModelSpecJson.Serialize(ModelCatalog.FashionCnn.Spec);

        Assert.Equal(json, ModelSpecJson.Serialize(ModelSpecJson.Parse(json)));
    }

    [Theory]
    [InlineData("""{"type":"transformer"}""", "layers[1]: unknown layer type 'transformer'")]
    [InlineData("""{"type":"linear","outFeatures":0}""", "layers[1] (linear): outFeatures must be positive (got 0)")]
    [InlineData("""{"type":"linear","outFeatures":8,"activation":"tanh"}""", "layers[1] (linear): unknown field 'activation'")]
    [InlineData("""{"type":"linear","outFeatures":"8"}""", "layers[1] (linear): 'outFeatures' must be a whole number")]
    [InlineData("""{"type":"conv2d","outChannels":4,"kernelSize":3}""", "layers[1] (conv2d): needs a channels x height x width input but gets 16")]
    public void ABadLayerIsRejectedWithItsPositionAndReason(string layer, string expected)
    {
        var json = $$"""{"name":"m","inputShape":[1,4,4],"classes":3,"layers":[{"type":"flatten"},{{layer}},{"type":"linear","outFeatures":3}]}""";

        var error = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinearLayerAfterAConvolutionWithoutFlattenIsAShapeMismatch()
    {
        var json = """{"name":"m","inputShape":[1,8,8],"classes":2,"layers":[{"type":"conv2d","outChannels":2,"kernelSize":3},{"type":"linear","outFeatures":2}]}""";

        var error = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(json));

        Assert.Equal("layers[1] (linear)", Assert.Single(error.Errors).Path);
        Assert.Contains("needs a flat input but gets 2x6x6; add a flatten layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKernelLargerThanItsInputIsRejected()
    {
        var json = """{"name":"m","inputShape":[1,4,4],"classes":2,"layers":[{"type":"conv2d","outChannels":2,"kernelSize":5},{"type":"flatten"},{"type":"linear","outFeatures":2}]}""";

        var error = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(json));

        Assert.Contains("kernelSize 5 is larger than the padded input 4x4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelThatDoesNotEndInOneScorePerClassIsRejected()
    {
        var json = Mlp.Replace("\"outFeatures\":3}", "\"outFeatures\":4}", StringComparison.Ordinal);

        var error = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(json));

        Assert.Contains("must end with 3 scores (one per class) but produces 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SoftmaxIsOnlyAllowedLast()
    {
        var spec = ModelSpecJson.Parse(Mlp);
        var moved = spec with { Layers = [spec.Layers[0], spec.Layers[1], new SoftmaxSpec(), spec.Layers[3]] };

        var error = Assert.Throws<ModelSpecException>(() => ModelPlanner.Plan(moved));

        Assert.Contains("layers[2] (softmax): softmax is only allowed as the last layer", error.Message, StringComparison.Ordinal);
        Assert.True(ModelPlanner.Plan(spec with { Layers = [.. spec.Layers, new SoftmaxSpec()] }).EndsInSoftmax);
    }

    [Fact]
    public void ModelsOverTheResourceLimitsAreRejectedBeforeAnythingIsAllocated()
    {
        var wide = """{"name":"m","inputShape":[4096],"classes":2,"layers":[{"type":"linear","outFeatures":8192},{"type":"linear","outFeatures":2}]}""";
        var deep = ModelSpecJson.Parse(Mlp);

        var parameters = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(wide, new ModelSpecLimits { MaxParameters = 1_000_000 }));
        var layers = Assert.Throws<ModelSpecException>(() => ModelPlanner.Plan(deep, new ModelSpecLimits { MaxLayers = 3 }));
        var activations = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(Mlp, new ModelSpecLimits { MaxActivationsPerExample = 20 }));
        var bytes = Assert.Throws<ModelSpecException>(() => ModelSpecJson.Parse(Mlp, new ModelSpecLimits { MaxJsonBytes = 50 }));

        Assert.Contains("exceeds the limit of 1,000,000 parameters", parameters.Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 3 layers", layers.Message, StringComparison.Ordinal);
        Assert.Contains("activations exceed the limit of 20 values per example", activations.Message, StringComparison.Ordinal);
        Assert.Contains("larger than 50 bytes", bytes.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"name":"m","inputShape":[0,4],"classes":3,"layers":[{"type":"relu"}]}""", "inputShape: every dimension must be positive")]
    [InlineData("""{"name":"m","inputShape":[4],"classes":1,"layers":[{"type":"relu"}]}""", "classes: must be between 2 and")]
    [InlineData("""{"name":"bad name!","inputShape":[4],"classes":4,"layers":[{"type":"relu"}]}""", "name: must be 1-64 letters")]
    [InlineData("""{"name":"m","inputShape":[4],"classes":4}""", "'layers' is required")]
    public void MalformedDocumentsAreRejectedWithAReason(string json, string expected)
    {
        var error = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
