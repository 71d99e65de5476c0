using System.Text;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Learning.Tests.Specs;

/// <summary>
/// Specs come from clients (and reach providers in tasks): whatever the text, parsing and planning
/// one gives a plan or a <see cref="ModelSpecException"/> naming the problem, never another exception.
/// </summary>
public sealed class ModelSpecFuzzTests
{
    private const int Cases = 3_000;

    // Between them every layer type and every field a layer takes.
    private static readonly string[] ValidSpecs =
    [
        """{"name":"mlp","inputShape":[784],"classes":10,"layers":[{"type":"linear","outFeatures":128,"bias":true},{"type":"relu"},{"type":"dropout","p":0.2},{"type":"linear","outFeatures":10},{"type":"softmax"}]}""",
        """{"name":"cnn","inputShape":[1,28,28],"classes":10,"layers":[{"type":"conv2d","outChannels":8,"kernelSize":3,"stride":1,"padding":1,"bias":false},{"type":"batchnorm2d","eps":0.00001,"momentum":0.1},{"type":"relu"},{"type":"maxpool2d","kernelSize":2,"stride":2,"padding":0},{"type":"avgpool2d","kernelSize":2},{"type":"flatten"},{"type":"linear","outFeatures":16},{"type":"batchnorm1d"},{"type":"gelu"},{"type":"linear","outFeatures":10}]}""",
        """{"name":"tiny.v2","inputShape":[3,8,8],"classes":2,"layers":[{"type":"conv2d","outChannels":4,"kernelSize":8},{"type":"flatten"},{"type":"linear","outFeatures":2}]}""",
    ];

    [Fact]
    public void AnUnpairedSurrogateInTheTextIsATypedRefusal()
    {
        // A .NET string can hold what UTF-8 cannot; the JSON reader's transcoding refuses it.
        var text = ValidSpecs[0].Replace("\"mlp\"", "\"ml\uD800p\"", StringComparison.Ordinal);

        var refused = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(text));
        Assert.Contains("not valid", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"\ud800","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2}]}""")]
    [InlineData("""{"name":"m","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2,"\udc00":1}]}""")]
    [InlineData("""{"name":"m","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2}],"\ud800x":1}""")]
    public void AnUnpairedSurrogateEscapeIsATypedRefusal(string text)
    {
        // Valid JSON whose escapes decode to no text: a job's spec arrives this way through GetRawText.
        var refused = Assert.Throws<ModelSpecException>(() => ModelSpecJson.ParseAndPlan(text));
        Assert.Contains("unpaired surrogate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidSpecsPlan()
    {
        // The mutations below start from these; they must be valid for "mutated" to mean anything.
        Assert.All(ValidSpecs, spec => ModelSpecJson.ParseAndPlan(spec));
    }

    [Fact]
    public void RandomTextIsATypedRefusal()
    {
        var random = new Random(16_30_01);
        for (var i = 0; i < Cases; i++)
        {
            var text = random.Next(2) == 0 ? Mutator.RandomString(random, 200) : Encoding.UTF8.GetString(Mutator.RandomBytes(random, 200));
            Assert.Equal(1, PlanOrRefuse(text, i));
        }
    }

    [Fact]
    public void MutatedSpecsPlanOrAreATypedRefusal()
    {
        var random = new Random(16_30_02);
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var valid = ValidSpecs[random.Next(ValidSpecs.Length)];
            var text = random.Next(2) == 0
                ? Encoding.UTF8.GetString(Mutator.MutateText(valid, random))
                : Encoding.UTF8.GetString(Mutator.Mutate(Encoding.UTF8.GetBytes(valid), random));
            refused += PlanOrRefuse(text, i);
        }

        Assert.InRange(refused, Cases / 2, Cases - 50);
    }

    [Fact]
    public void SpecsWithRandomNumbersInEveryFieldPlanOrAreATypedRefusal()
    {
        // Shape arithmetic is where a planner overflows or divides by zero: put edge numbers everywhere.
        int[] edges = [int.MinValue, -1, 0, 1, 2, 3, 7, 15, 16, 65_536, 65_537, 1_000_000, int.MaxValue];
        var random = new Random(16_30_03);
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            int N() => random.Next(3) == 0 ? edges[random.Next(edges.Length)] : random.Next(1, 9);
            var layers = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(8) switch
            {
                0 => $$"""{"type":"linear","outFeatures":{{N()}}}""",
                1 => $$"""{"type":"conv2d","outChannels":{{N()}},"kernelSize":{{N()}},"stride":{{N()}},"padding":{{N()}}}""",
                2 => $$"""{"type":"maxpool2d","kernelSize":{{N()}},"stride":{{N()}},"padding":{{N()}}}""",
                3 => $$"""{"type":"avgpool2d","kernelSize":{{N()}},"padding":{{N()}}}""",
                4 => """{"type":"flatten"}""",
                5 => """{"type":"batchnorm2d"}""",
                6 => """{"type":"batchnorm1d","eps":1e-300,"momentum":1}""",
                _ => """{"type":"relu"}""",
            });
            var shape = string.Join(',', Enumerable.Range(0, random.Next(1, 4)).Select(_ => N()));
            var text = $$"""{"name":"m","inputShape":[{{shape}}],"classes":{{N()}},"layers":[{{string.Join(',', layers)}}]}""";
            refused += PlanOrRefuse(text, i);
        }

        Assert.InRange(refused, Cases / 2, Cases - 1);
    }

    private static int PlanOrRefuse(string text, int index)
    {
        try
        {
            var plan = ModelSpecJson.ParseAndPlan(text);
            Assert.Equal(plan.Spec.Classes, plan.Shapes[^1].Single());
            return 0;
        }
        catch (ModelSpecException ex)
        {
            Assert.NotEmpty(ex.Errors);
            return 1;
        }
        catch (Exception ex)
        {
            Assert.Fail($"case {index} ({text}) threw {ex.GetType().Name}: {ex.Message}");
            return 0;
        }
    }
}
