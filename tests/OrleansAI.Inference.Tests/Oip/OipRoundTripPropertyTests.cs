using FsCheck.Xunit;

namespace OrleansAI.Inference.Tests.Oip;

public sealed class OipRoundTripPropertyTests
{
    [Property(MaxTest = 300)]
    public void RandomTensorsWrittenAsJsonOrBinaryReadBackAsTheSameFloats(int seed)
    {
        var random = new Random(seed);
        var tensors = Enumerable.Range(0, random.Next(1, 5)).Select(i => RandomTensors.Next(random, $"in{i}")).ToArray();
        var (body, headerLength) = RandomTensors.Request(random, tensors);

        var request = OipRequestReader.Read(body, headerLength, new OipLimits());

        Assert.Equal("r", request.Id);
        Assert.Equal(tensors.Length, request.Inputs.Count);
        for (var i = 0; i < tensors.Length; i++)
        {
            Assert.Equal(tensors[i].Name, request.Inputs[i].Name);
            Assert.Equal(tensors[i].Type, request.Inputs[i].Datatype);
            Assert.Equal(tensors[i].Shape, request.Inputs[i].Shape);
            Assert.Equal(tensors[i].Expected, request.Inputs[i].Values);
        }
    }

    [Property(MaxTest = 300)]
    public void RandomResponsesReadBackThroughTheRequestReaderAsTheSameFloats(int seed)
    {
        var random = new Random(seed);
        var tensors = Enumerable.Range(0, random.Next(1, 5)).Select(i => RandomTensors.Next(random, $"out{i}")).ToArray();
        var outputs = tensors.Select(t => t.Type switch
        {
            OipDatatype.Fp16 or OipDatatype.Fp32 or OipDatatype.Fp64 => new OipOutputTensor(t.Name, t.Shape, t.Type, Floats: t.Expected, Binary: t.Binary),
            OipDatatype.Uint64 => new OipOutputTensor(t.Name, t.Shape, t.Type, Longs: [.. t.Raw.Select(v => (long)((ulong)v >> 1))], Binary: t.Binary),
            OipDatatype.Bool => new OipOutputTensor(t.Name, t.Shape, t.Type, Longs: [.. t.Raw.Select(v => (bool)v ? 1L : 0L)], Binary: t.Binary),
            _ => new OipOutputTensor(t.Name, t.Shape, t.Type, Longs: [.. t.Raw.Select(v => (long)v)], Binary: t.Binary),
        }).ToArray();

        var (response, headerLength) = ResponseBodies.Write(outputs);
        var (request, requestHeader) = ResponseBodies.AsRequest(response, headerLength);
        var inputs = OipRequestReader.Read(request, requestHeader, new OipLimits()).Inputs;

        Assert.Equal(outputs.Any(o => o.Binary), headerLength is not null);
        for (var i = 0; i < outputs.Length; i++)
        {
            var expected = outputs[i].Floats is { } floats
                ? outputs[i].Datatype == OipDatatype.Fp16 ? [.. floats.Select(f => (float)(Half)f)] : floats
                : outputs[i].Longs!.Select(v => (float)v).ToArray();
            Assert.Equal(expected, inputs[i].Values);
            Assert.Equal(outputs[i].Shape, inputs[i].Shape);
        }
    }
}
