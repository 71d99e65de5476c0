using System.Text;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Inference.Tests.Oip;

/// <summary>
/// Request bodies come from anyone with a key: whatever bytes arrive, the reader either returns a
/// request consistent with its own shapes or throws <see cref="OipRequestException"/> (which the Api
/// answers as a 400 with an OIP error body). Any other exception would be a 500.
/// </summary>
public sealed class OipRequestFuzzTests
{
    private const int Cases = 4_000;

    [Fact]
    public void RandomBytesAreRefusedWithAnOipErrorOrReadConsistently()
    {
        var random = new Random(16_10_01);
        var outcomes = new Outcomes();
        for (var i = 0; i < Cases; i++)
        {
            var body = Mutator.RandomBytes(random, 200);
            int? header = random.Next(3) == 0 ? random.Next(-2, body.Length + 3) : null;
            outcomes.Read(body, header, i);
        }

        Assert.True(outcomes.Refused > Cases / 2, $"only {outcomes.Refused} of {Cases} random bodies were refused");
    }

    [Fact]
    public void MutatedValidJsonRequestsAreRefusedWithAnOipErrorOrReadConsistently()
    {
        var random = new Random(16_10_02);
        var outcomes = new Outcomes();
        for (var i = 0; i < Cases; i++)
        {
            var (body, _) = ValidJson(random);
            var damaged = random.Next(2) == 0 ? Mutator.Mutate(body, random) : Mutator.MutateText(Encoding.UTF8.GetString(body), random);
            outcomes.Read(damaged, null, i);
        }

        // Both outcomes must occur, or the mutations are too weak (or too strong) to say anything.
        Assert.InRange(outcomes.Refused, Cases / 4, Cases - 50);
    }

    [Fact]
    public void MutatedBinaryExtensionRequestsAreRefusedWithAnOipErrorOrReadConsistently()
    {
        var random = new Random(16_10_03);
        var outcomes = new Outcomes();
        for (var i = 0; i < Cases; i++)
        {
            var tensors = Enumerable.Range(0, random.Next(1, 4)).Select(n => RandomTensors.Next(random, $"in{n}")).ToArray();
            tensors[0] = tensors[0] with { Binary = true };
            var (body, header) = RandomTensors.Request(random, tensors);
            var length = header!.Value;
            switch (random.Next(4))
            {
                case 0:
                    // Damage the JSON header only, keeping the binary section and the header length in step.
                    var json = Mutator.Mutate(body[..length], random);
                    outcomes.Read([.. json, .. body[length..]], json.Length, i);
                    break;
                case 1:
                    // Damage the binary section.
                    var binary = Mutator.Mutate(body[length..], random);
                    outcomes.Read([.. body[..length], .. binary], length, i);
                    break;
                case 2:
                    // Claim a wrong header length.
                    outcomes.Read(body, length + random.Next(-length - 3, body.Length - length + 3), i);
                    break;
                default:
                    outcomes.Read(Mutator.Mutate(body, random), length, i);
                    break;
            }
        }

        Assert.InRange(outcomes.Refused, Cases / 4, Cases - 50);
    }

    [Fact]
    public void MutatedRequestsWithOutputsAndParametersAreRefusedWithAnOipErrorOrReadConsistently()
    {
        var random = new Random(16_10_04);
        var outcomes = new Outcomes();
        for (var i = 0; i < Cases; i++)
        {
            var (body, _) = ValidJson(random);
            var text = Encoding.UTF8.GetString(body);
            // Outputs and parameters (classification, binary_data, replication) are read too: add them before damaging.
            var extra = ""","outputs":[{"name":"y","parameters":{"classification":3,"binary_data":false}},{"name":"label"}],"parameters":{"replication":2,"timeout_ms":500,"binary_data_output":true}""";
            var whole = text.Insert(text.Length - 1, extra);
            outcomes.Read(Mutator.MutateText(whole, random), null, i);
        }

        Assert.InRange(outcomes.Refused, Cases / 4, Cases - 50);
    }

    [Fact]
    public void DeepNestingAndHugeDeclaredSizesAreRefusedWithoutAllocatingThem()
    {
        var deep = Encoding.UTF8.GetBytes("{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":" + new string('[', 10_000) + "1" + new string(']', 10_000) + "}]}");
        var huge = Bodies.Json("{'inputs':[{'name':'x','shape':[4294967296,4294967296],'datatype':'FP32','data':[1]}]}");
        var hugeBinary = Bodies.WithBinary("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':9223372036854775807}}]}", [1, 2, 3, 4]);

        Assert.Throws<OipRequestException>(() => OipRequestReader.Read(deep, null, OipLimits.Default));
        Assert.Throws<OipRequestException>(() => OipRequestReader.Read(huge, null, OipLimits.Default));
        Assert.Throws<OipRequestException>(() => OipRequestReader.Read(hugeBinary.Body, hugeBinary.HeaderLength, OipLimits.Default));
    }

    private static (byte[] Body, int? HeaderLength) ValidJson(Random random)
    {
        var tensors = Enumerable.Range(0, random.Next(1, 4)).Select(n => RandomTensors.Next(random, $"in{n}", allowBinary: false)).ToArray();
        var (body, _) = RandomTensors.Request(random, tensors);
        return (body, null);
    }

    /// <summary>Reads bodies and counts refusals; anything but a refusal or a consistent request fails the test with its case number.</summary>
    private sealed class Outcomes
    {
        public int Refused { get; private set; }

        public void Read(byte[] body, int? headerLength, int index)
        {
            OipInferRequest request;
            try
            {
                request = OipRequestReader.Read(body, headerLength, OipLimits.Default);
            }
            catch (OipRequestException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                Refused++;
                return;
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {index} ({Convert.ToBase64String(body)}, header {headerLength}) threw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            Assert.NotEmpty(request.Inputs);
            foreach (var input in request.Inputs)
            {
                // What was read is what its shape says: a request never carries more or fewer values than it declares.
                Assert.Equal(input.Shape.Aggregate(1L, (a, d) => a * d), input.Values.Length);
            }
        }
    }
}
