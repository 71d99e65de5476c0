namespace OrleansAI.Inference.Tests.Oip;

public sealed class OipRequestReaderTests
{
    private static readonly OipLimits Limits = new();

    [Fact]
    public void AMinimalRequestReadsItsInputAndDefaultsTheRest()
    {
        var request = Read("{'inputs':[{'name':'x','shape':[2,2],'datatype':'FP32','data':[1,2.5,-3,4e-2]}]}");

        Assert.Null(request.Id);
        Assert.Empty(request.Outputs);
        Assert.Empty(request.Parameters);
        Assert.False(request.BinaryDataOutput);
        var input = Assert.Single(request.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal([2L, 2L], input.Shape);
        Assert.Equal(OipDatatype.Fp32, input.Datatype);
        Assert.Equal([1f, 2.5f, -3f, 0.04f], input.Values);
        Assert.Empty(input.Parameters);
    }

    [Fact]
    public void TheIdParametersAndRequestedOutputsAreRead()
    {
        var request = Read("""
            {'id':'req-7','parameters':{'priority':3,'tag':'a'},
             'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1],'parameters':{'content_type':'np'}}],
             'outputs':[{'name':'probs'},{'name':'label','parameters':{'classification':3,'binary_data':true}}]}
            """);

        Assert.Equal("req-7", request.Id);
        Assert.Equal(3, request.Parameters["priority"].GetInt32());
        Assert.Equal("a", request.Parameters["tag"].GetString());
        Assert.Equal("np", request.Inputs[0].Parameters["content_type"].GetString());
        Assert.Equal(["probs", "label"], request.Outputs.Select(o => o.Name));
        Assert.False(request.Outputs[0].Binary);
        Assert.Null(request.Outputs[0].Classification);
        Assert.True(request.Outputs[1].Binary);
        Assert.Equal(3, request.Outputs[1].Classification);
    }

    [Fact]
    public void BinaryDataOutputAppliesToOutputsThatDoNotSayOtherwise()
    {
        var request = Read("""
            {'parameters':{'binary_data_output':true},'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],
             'outputs':[{'name':'a'},{'name':'b','parameters':{'binary_data':false}}]}
            """);

        Assert.True(request.BinaryDataOutput);
        Assert.True(request.Outputs[0].Binary);
        Assert.False(request.Outputs[1].Binary);
    }

    [Fact]
    public void NestedAndFlatDataReadTheSame()
    {
        var flat = Read("{'inputs':[{'name':'x','shape':[2,3],'datatype':'FP32','data':[1,2,3,4,5,6]}]}");
        var nested = Read("{'inputs':[{'name':'x','shape':[2,3],'datatype':'FP32','data':[[1,2,3],[4,5,6]]}]}");

        Assert.Equal(flat.Inputs[0].Values, nested.Inputs[0].Values);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], nested.Inputs[0].Values);
    }

    [Fact]
    public void DataBeforeShapeAndDatatypeIsReadOnceTheyAreKnown()
    {
        var request = Read("{'inputs':[{'data':[[true,false],[false,true]],'name':'x','datatype':'BOOL','shape':[2,2]}]}");

        Assert.Equal([1f, 0f, 0f, 1f], request.Inputs[0].Values);
    }

    [Fact]
    public void UnknownPropertiesAnywhereAreIgnored()
    {
        var request = Read("""
            {'model':'m','extra':{'deep':[1,[2,{'x':3}]]},
             'inputs':[{'name':'x','comment':[[['a']]],'shape':[1],'datatype':'INT32','data':[5],'units':'px'}],
             'outputs':[{'name':'y','format':null}]}
            """);

        Assert.Equal([5f], request.Inputs[0].Values);
        Assert.Equal("y", Assert.Single(request.Outputs).Name);
    }

    [Fact]
    public void AnMnistSizedRequestReadsEveryPixel()
    {
        var pixels = Enumerable.Range(0, 784).Select(i => (i * 37 % 256) / 255f).ToArray();
        var body = Bodies.Json($"{{'inputs':[{{'name':'image','shape':[1,1,28,28],'datatype':'FP32','data':[{string.Join(',', pixels.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]}}]}}");

        var input = OipRequestReader.Read(body, null, Limits).Inputs[0];

        Assert.Equal([1L, 1L, 28L, 28L], input.Shape);
        Assert.Equal(pixels, input.Values);
    }

    [Fact]
    public void SeveralInputsKeepTheirOrder()
    {
        var request = Read("""
            {'inputs':[{'name':'a','shape':[1],'datatype':'INT64','data':[-9007199254740993]},
                       {'name':'b','shape':[0],'datatype':'FP32','data':[]},
                       {'name':'c','shape':[],'datatype':'UINT64','data':[18446744073709551615]}]}
            """);

        Assert.Equal(["a", "b", "c"], request.Inputs.Select(i => i.Name));
        Assert.Equal([-9007199254740993f], request.Inputs[0].Values);
        Assert.Empty(request.Inputs[1].Values);
        Assert.Empty(request.Inputs[2].Shape);
        Assert.Equal([1.8446744e19f], request.Inputs[2].Values);
    }

    [Theory]
    [InlineData("INT8", "[-128,127]", new[] { -128f, 127f })]
    [InlineData("UINT8", "[0,255]", new[] { 0f, 255f })]
    [InlineData("INT16", "[-32768,32767]", new[] { -32768f, 32767f })]
    [InlineData("UINT16", "[0,65535]", new[] { 0f, 65535f })]
    [InlineData("INT32", "[-2147483648,2147483647]", new[] { -2147483648f, 2147483647f })]
    [InlineData("UINT32", "[0,4294967295]", new[] { 0f, 4294967295f })]
    [InlineData("BOOL", "[true,false]", new[] { 1f, 0f })]
    [InlineData("FP64", "[0.1,-1e300]", new[] { 0.1f, float.NegativeInfinity })]
    [InlineData("FP32", "[1e39,-0.0]", new[] { float.PositiveInfinity, -0f })]
    [InlineData("FP32", "['NaN','Infinity']", new[] { float.NaN, float.PositiveInfinity })]
    [InlineData("FP16", "[0.1,70000]", new[] { 0.099975586f, float.PositiveInfinity })]
    [InlineData("FP16", "['-Infinity',65504]", new[] { float.NegativeInfinity, 65504f })]
    public void ElementsAreConvertedToFloat32ByTheirDatatype(string datatype, string data, float[] expected)
    {
        var input = OipRequestReader.Read(Bodies.Single(datatype, "[2]", data), null, Limits).Inputs[0];

        Assert.Equal(expected, input.Values);
    }

    [Fact]
    public void Fp32TextIsRoundedOnceToTheNearestFloat()
    {
        // Rounding via double first would give a different float for this halfway-adjacent value.
        var text = "1.00000005960464477539062500001";

        var input = OipRequestReader.Read(Bodies.Single("FP32", "[1]", $"[{text}]"), null, Limits).Inputs[0];

        Assert.Equal(1.00000012f, input.Values[0]);
        Assert.Equal(1f, (float)double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ParametersOutliveTheBodyBuffer()
    {
        var body = Bodies.Json("{'parameters':{'k':'v'},'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}]}");

        var request = OipRequestReader.Read(body, null, Limits);
        Array.Clear(body);

        Assert.Equal("v", request.Parameters["k"].GetString());
    }

    [Fact]
    public void ABinaryRequestReadsEachInputFromTheBinarySectionInOrder()
    {
        var fp32 = new[] { 1.5f, -2f, float.NaN }.SelectMany(BitConverter.GetBytes).ToArray();
        var int64 = BitConverter.GetBytes(-5L).Concat(BitConverter.GetBytes(7L)).ToArray();
        var fp16 = BitConverter.GetBytes((Half)0.5f).Concat(BitConverter.GetBytes((Half)(-65504f))).ToArray();
        byte[] booleans = [1, 0, 1];
        byte[] uint16 = [0x34, 0x12];
        var (body, headerLength) = Bodies.WithBinary(
            """
            {'inputs':[
              {'name':'a','shape':[3],'datatype':'FP32','parameters':{'binary_data_size':12}},
              {'name':'b','shape':[2],'datatype':'INT64','parameters':{'binary_data_size':16}},
              {'name':'json','shape':[1],'datatype':'FP32','data':[9]},
              {'name':'c','shape':[1,2],'datatype':'FP16','parameters':{'binary_data_size':4}},
              {'name':'d','shape':[3],'datatype':'BOOL','parameters':{'binary_data_size':3}},
              {'name':'e','shape':[1],'datatype':'UINT16','parameters':{'binary_data_size':2}}]}
            """,
            fp32,
            int64,
            fp16,
            booleans,
            uint16);

        var request = OipRequestReader.Read(body, headerLength, Limits);

        Assert.Equal([1.5f, -2f, float.NaN], request.Inputs[0].Values);
        Assert.Equal([-5f, 7f], request.Inputs[1].Values);
        Assert.Equal([9f], request.Inputs[2].Values);
        Assert.Equal([0.5f, -65504f], request.Inputs[3].Values);
        Assert.Equal([1f, 0f, 1f], request.Inputs[4].Values);
        Assert.Equal([4660f], request.Inputs[5].Values);
        Assert.Equal(12, request.Inputs[0].Parameters["binary_data_size"].GetInt32());
    }

    [Fact]
    public void AHeaderLengthCoveringTheWholeBodyIsAnAllJsonRequest()
    {
        var body = Bodies.Single("FP32", "[1]", "[3]");

        var request = OipRequestReader.Read(body, body.Length, Limits);

        Assert.Equal([3f], request.Inputs[0].Values);
    }

    [Fact]
    public void BinaryBytesInputsAreFramedAndThenRefused()
    {
        byte[] strings = [2, 0, 0, 0, (byte)'h', (byte)'i', 0, 0, 0, 0];
        var (body, headerLength) = Bodies.WithBinary("{'inputs':[{'name':'s','shape':[2],'datatype':'BYTES','parameters':{'binary_data_size':10}}]}", strings);

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, headerLength, Limits));

        Assert.Equal("inputs[0] \"s\" is BYTES; BYTES inputs are not supported by this model", error.Message);
    }

    [Theory]
    // The body and its JSON
    [InlineData("", "the body is not valid JSON: ")]
    [InlineData("{'inputs':[", "the body is not valid JSON: ")]
    [InlineData("{'inputs':[]} {}", "the body is not valid JSON: ")]
    [InlineData("{'inputs':[],}", "the body is not valid JSON: ")]
    [InlineData("[1,2]", "the body must be a JSON object")]
    [InlineData("{}", "inputs is required")]
    [InlineData("{'inputs':[]}", "inputs must not be empty")]
    [InlineData("{'inputs':{}}", "inputs must be an array")]
    [InlineData("{'inputs':[1]}", "inputs[0] must be an object")]
    [InlineData("{'id':7,'inputs':[]}", "id must be a string")]
    [InlineData("{'inputs':[],'inputs':[]}", "inputs appears more than once")]
    [InlineData("{'parameters':[],'inputs':[]}", "parameters must be an object")]
    [InlineData("{'parameters':{'a':1,'a':2},'inputs':[]}", "parameters has \"a\" more than once")]
    // Input fields
    [InlineData("{'inputs':[{'shape':[1],'datatype':'FP32','data':[1]}]}", "inputs[0] needs a name")]
    [InlineData("{'inputs':[{'name':'x','datatype':'FP32','data':[1]}]}", "inputs[0] needs a shape")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'data':[1]}]}", "inputs[0] needs a datatype")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32'}]}", "inputs[0] needs data or parameters.binary_data_size")]
    [InlineData("{'inputs':[{'name':5,'shape':[1],'datatype':'FP32','data':[1]}]}", "inputs[0].name must be a string")]
    [InlineData("{'inputs':[{'name':'','shape':[1],'datatype':'FP32','data':[1]}]}", "inputs[0].name must not be empty")]
    [InlineData("{'inputs':[{'name':'x','name':'y','shape':[1],'datatype':'FP32','data':[1]}]}", "inputs[0].name appears more than once")]
    [InlineData("{'inputs':[{'name':'x','shape':1,'datatype':'FP32','data':[1]}]}", "inputs[0].shape must be an array of non-negative integers")]
    [InlineData("{'inputs':[{'name':'x','shape':[2,-1],'datatype':'FP32','data':[1]}]}", "inputs[0].shape[1] must be a non-negative integer")]
    [InlineData("{'inputs':[{'name':'x','shape':[1.5],'datatype':'FP32','data':[1]}]}", "inputs[0].shape[0] must be a non-negative integer")]
    [InlineData("{'inputs':[{'name':'x','shape':[[1]],'datatype':'FP32','data':[1]}]}", "inputs[0].shape[0] must be a non-negative integer")]
    [InlineData("{'inputs':[{'name':'x','shape':[1,1,1,1,1,1,1,1,1],'datatype':'FP32','data':[1]}]}", "inputs[0].shape has more than 8 dimensions")]
    [InlineData("{'inputs':[{'name':'x','shape':[100000,100000],'datatype':'FP32','data':[1]}]}", "inputs[0].shape [100000,100000] has more than 4000000 elements")]
    [InlineData("{'inputs':[{'name':'x','shape':[9223372036854775807,9223372036854775807],'datatype':'FP32','data':[1]}]}", "inputs[0].shape [9223372036854775807,9223372036854775807] has more than 4000000 elements")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'fp32','data':[1]}]}", "inputs[0].datatype \"fp32\" is not one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':32,'data':[1]}]}", "inputs[0].datatype must be a string")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':1}]}", "inputs[0].data must be an array")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1],'parameters':3}]}", "inputs[0].parameters must be an object")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]},{'name':'x','shape':[1],'datatype':'FP32','data':[1]}]}", "inputs[1].name \"x\" is used by an earlier input")]
    // Data against shape and datatype
    [InlineData("{'inputs':[{'name':'x','shape':[2,2],'datatype':'FP32','data':[1,2,3]}]}", "inputs[0].data has 3 elements; shape [2,2] needs 4")]
    [InlineData("{'inputs':[{'name':'x','shape':[2,2],'datatype':'FP32','data':[[1,2],[3,4],[5]]}]}", "inputs[0].data has 5 elements; shape [2,2] needs 4")]
    [InlineData("{'inputs':[{'name':'x','shape':[0],'datatype':'FP32','data':[1]}]}", "inputs[0].data has 1 elements; shape [0] needs 0")]
    [InlineData("{'inputs':[{'name':'x','shape':[2],'datatype':'INT8','data':[1,128]}]}", "inputs[0].data[1] must be an integer in [-128, 127] for INT8, not 128")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'UINT8','data':[-1]}]}", "inputs[0].data[0] must be an integer in [0, 255] for UINT8, not -1")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'INT32','data':[1.5]}]}", "inputs[0].data[0] must be an integer in [-2147483648, 2147483647] for INT32, not 1.5")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'INT64','data':[1e3]}]}", "inputs[0].data[0] must be an integer in [-9223372036854775808, 9223372036854775807] for INT64, not 1e3")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'UINT64','data':[18446744073709551616]}]}", "inputs[0].data[0] must be an integer in [0, 18446744073709551615] for UINT64, not 18446744073709551616")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'INT16','data':['3']}]}", "inputs[0].data[0] must be an integer in [-32768, 32767] for INT16, not a string")]
    [InlineData("{'inputs':[{'name':'x','shape':[2],'datatype':'FP32','data':[1,true]}]}", "inputs[0].data[1] must be a number for FP32, not a boolean")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP64','data':[null]}]}", "inputs[0].data[0] must be a number for FP64, not null")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[{}]}]}", "inputs[0].data[0] must be a number for FP32, not an object")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP16','data':['nan']}]}", "inputs[0].data[0] must be a number for FP16 (or \"NaN\", \"Infinity\", \"-Infinity\")")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'BOOL','data':[1]}]}", "inputs[0].data[0] must be true or false for BOOL, not a number")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'BYTES','data':[1]}]}", "inputs[0].data[0] must be a string for BYTES, not a number")]
    [InlineData("{'inputs':[{'name':'x','shape':[2],'datatype':'BYTES','data':['a']}]}", "inputs[0].data has 1 elements; shape [2] needs 2")]
    [InlineData("{'inputs':[{'name':'t','shape':[2],'datatype':'BYTES','data':['a','b']}]}", "inputs[0] \"t\" is BYTES; BYTES inputs are not supported by this model")]
    // Requested outputs
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':{}}", "outputs must be an array")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':['y']}", "outputs[0] must be an object")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'parameters':{}}]}", "outputs[0] needs a name")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'y'},{'name':'y'}]}", "outputs[1].name \"y\" is used by an earlier output")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'y','parameters':{'classification':0}}]}", "outputs[0].parameters.classification must be an integer >= 1")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'y','parameters':{'classification':2.5}}]}", "outputs[0].parameters.classification must be an integer >= 1")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'y','parameters':{'binary_data':'yes'}}]}", "outputs[0].parameters.binary_data must be true or false")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'parameters':{'binary_data_output':1}}", "parameters.binary_data_output must be true or false")]
    // Binary extension without a binary section
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':4}}]}", "inputs[0] has parameters.binary_data_size but the request has no Inference-Header-Content-Length header")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1],'parameters':{'binary_data_size':4}}]}", "inputs[0] has both data and parameters.binary_data_size")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':-4}}]}", "inputs[0].parameters.binary_data_size must be a non-negative integer")]
    [InlineData("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':'4'}}]}", "inputs[0].parameters.binary_data_size must be a non-negative integer")]
    public void AViolationIsRefusedWithTheFieldAndTheReason(string json, string message)
    {
        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(Bodies.Json(json), null, Limits));

        if (message.EndsWith(": ", StringComparison.Ordinal))
        {
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
            Assert.True(error.Message.Length > message.Length, "the JSON error should say what is wrong");
        }
        else
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void AnMnistRequestOnePixelShortSaysSo()
    {
        var body = Bodies.Single("FP32", "[1,1,28,28]", $"[{string.Join(',', Enumerable.Repeat("0.5", 783))}]");

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, null, Limits));

        Assert.Equal("inputs[0].data has 783 elements; shape [1,1,28,28] needs 784", error.Message);
    }

    [Fact]
    public void LimitsOnInputsElementsNamesAndDepthAreEnforced()
    {
        var limits = new OipLimits(MaxInputs: 2, MaxElements: 10, MaxRank: 2, MaxNameLength: 3, MaxDepth: 6);

        Assert.Equal("the request has more than 2 inputs", Refused(limits, "{'inputs':[" + string.Join(',', "abc".Select(n => $"{{'name':'{n}','shape':[1],'datatype':'FP32','data':[1]}}")) + "]}"));
        Assert.Equal("the request asks for more than 2 outputs", Refused(limits, "{'inputs':[{'name':'a','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'p'},{'name':'q'},{'name':'r'}]}"));
        Assert.Equal("inputs[0].shape [4,3] has more than 10 elements", Refused(limits, "{'inputs':[{'name':'a','shape':[4,3],'datatype':'FP32','data':[1]}]}"));
        Assert.Equal("the inputs have more than 10 elements in all", Refused(limits, "{'inputs':[{'name':'a','shape':[6],'datatype':'FP32','data':[1,2,3,4,5,6]},{'name':'b','shape':[6],'datatype':'FP32','data':[1,2,3,4,5,6]}]}"));
        Assert.Equal("inputs[0].shape has more than 2 dimensions", Refused(limits, "{'inputs':[{'name':'a','shape':[1,1,1],'datatype':'FP32','data':[1]}]}"));
        Assert.Equal("inputs[0].name is longer than 3 characters", Refused(limits, "{'inputs':[{'name':'abcd','shape':[1],'datatype':'FP32','data':[1]}]}"));
        Assert.StartsWith("the body is not valid JSON: ", Refused(limits, "{'inputs':[{'name':'a','shape':[1],'datatype':'FP32','data':[[[[[[1]]]]]]}]}"), StringComparison.Ordinal);
        Assert.Equal("a", OipRequestReader.Read(Bodies.Json("{'inputs':[{'name':'a','shape':[1],'datatype':'FP32','data':[[[1]]]}]}"), null, limits).Inputs[0].Name);
    }

    [Fact]
    public void ExcessElementsAreCountedWithoutBeingStored()
    {
        var body = Bodies.Single("FP32", "[2]", $"[{string.Join(',', Enumerable.Repeat("1", 100_000))}]");

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, null, Limits));

        Assert.Equal("inputs[0].data has 100000 elements; shape [2] needs 2", error.Message);
    }

    [Fact]
    public void BinarySectionsMustMatchTheirDeclaredSizesExactly()
    {
        const string OneFloat = "{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':4}}]}";
        const string WrongSize = "{'inputs':[{'name':'x','shape':[2],'datatype':'FP32','parameters':{'binary_data_size':4}}]}";

        Assert.Equal("inputs[0] needs 4 bytes of binary data but only 3 remain", RefusedBinary(OneFloat, [1, 2, 3]));
        Assert.Equal("the binary section has 1 bytes after the last binary input", RefusedBinary(OneFloat, [1, 2, 3, 4, 5]));
        Assert.Equal("the binary section has 2 bytes after the last binary input", RefusedBinary("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}]}", [1, 2]));
        Assert.Equal("inputs[0].parameters.binary_data_size is 4; shape [2] of FP32 needs 8 bytes", RefusedBinary(WrongSize, [1, 2, 3, 4]));
        Assert.Equal("inputs[0] binary element 1 is 2; BOOL must be 0 or 1", RefusedBinary("{'inputs':[{'name':'x','shape':[2],'datatype':'BOOL','parameters':{'binary_data_size':2}}]}", [1, 2]));
        Assert.Equal("inputs[0] binary element 0 declares 9 bytes but only 2 remain", RefusedBinary("{'inputs':[{'name':'x','shape':[1],'datatype':'BYTES','parameters':{'binary_data_size':6}}]}", [9, 0, 0, 0, 1, 2]));
        Assert.Equal("inputs[0] has 1 binary BYTES elements; shape [2] needs 2", RefusedBinary("{'inputs':[{'name':'x','shape':[2],'datatype':'BYTES','parameters':{'binary_data_size':5}}]}", [1, 0, 0, 0, 65]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void AHeaderLengthOutsideTheBodyIsRefused(int headerLength)
    {
        var body = Bodies.Single("FP32", "[1]", "[1]");

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, headerLength, Limits));

        Assert.Equal($"Inference-Header-Content-Length is {headerLength} but the body has {body.Length} bytes", error.Message);
    }

    [Fact]
    public void AHeaderLengthCuttingTheJsonShortMakesItInvalid()
    {
        var body = Bodies.Single("FP32", "[1]", "[1]");

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, body.Length - 2, Limits));

        Assert.StartsWith("the body is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InANameIsRefused()
    {
        byte[] body = [.. Bodies.Json("{'inputs':[{'name':'"), 0xC3, 0x28, .. Bodies.Json("','shape':[1],'datatype':'FP32','data':[1]}]}")];

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, null, Limits));

        Assert.True(error.Message is "inputs[0].name is not valid UTF-8 text" || error.Message.StartsWith("the body is not valid JSON: ", StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [InlineData("parameters")]
    [InlineData("inputs[0].parameters")]
    [InlineData("outputs[0].parameters")]
    public void InvalidUtf8InAParameterNameIsRefused(string where)
    {
        byte[] parameters = [.. Bodies.Json("{'"), 0xE9, .. Bodies.Json("':1}")];
        byte[] body = where switch
        {
            "parameters" => [.. Bodies.Json("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'parameters':"), .. parameters, (byte)'}'],
            "inputs[0].parameters" => [.. Bodies.Json("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1],'parameters':"), .. parameters, .. Bodies.Json("}]}")],
            _ => [.. Bodies.Json("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}],'outputs':[{'name':'y','parameters':"), .. parameters, .. Bodies.Json("}]}")],
        };

        var error = Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, null, Limits));

        Assert.Equal($"{where} holds text that is not valid UTF-8", error.Message);
    }

    [Fact]
    public void AnUnpairedSurrogateEscapeInAParameterValueIsRefused()
    {
        var error = Assert.Throws<OipRequestException>(() => Read("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]}],"parameters":{"note":["\ud800"]}}"""));

        Assert.Equal("parameters holds text that is not valid UTF-8", error.Message);
    }

    [Fact]
    public void InvalidLimitsAreAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OipRequestReader.Read(Bodies.Single("FP32", "[1]", "[1]"), null, new OipLimits(MaxInputs: 0)));
    }

    private static OipInferRequest Read(string json) => OipRequestReader.Read(Bodies.Json(json), null, Limits);

    private static string Refused(OipLimits limits, string json) =>
        Assert.Throws<OipRequestException>(() => OipRequestReader.Read(Bodies.Json(json), null, limits)).Message;

    private static string RefusedBinary(string json, byte[] binary)
    {
        var (body, headerLength) = Bodies.WithBinary(json, binary);
        return Assert.Throws<OipRequestException>(() => OipRequestReader.Read(body, headerLength, Limits)).Message;
    }
}
