using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using OrleansAI.Hosting.Orleans;

namespace OrleansAI.Hosting.Tests;

public sealed class CollectionExpressionBinderTests
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new CollectionExpressionBinder(new DefaultSerializationBinder()),
    };

    public sealed class Holder
    {
        public IReadOnlyList<long> Values { get; set; } = [];

        public IReadOnlyList<string> Names { get; set; } = [];
    }

    [Fact]
    public void ListsFromCollectionExpressionsAreWrittenAsListsAndReadBack()
    {
        var source = new long[] { 1, 2, 3 };
        var holder = new Holder { Values = [.. source.Select(v => v * 10)], Names = ["a", "b"] };

        var json = JsonConvert.SerializeObject(holder, Settings);
        var back = JsonConvert.DeserializeObject<Holder>(json, Settings)!;

        Assert.DoesNotContain("<>z__", json, StringComparison.Ordinal);
        Assert.Equal([10L, 20, 30], back.Values);
        Assert.Equal(["a", "b"], back.Names);
    }

    [Fact]
    public void StateWrittenWithACompilerGeneratedListTypeIsStillReadable()
    {
        // What the grain storage wrote before the binder existed: the compiler's private type, named.
        const string Legacy = """{"Values":{"$type":"<>z__ReadOnlyList`1[[System.Int64, System.Private.CoreLib]], SomeOtherAssembly","$values":[4,5]},"Names":{"$type":"<>z__ReadOnlyArray`1[[System.String, System.Private.CoreLib]], SomeOtherAssembly","$values":["x"]}}""";

        var back = JsonConvert.DeserializeObject<Holder>(Legacy, Settings)!;

        Assert.Equal([4L, 5], back.Values);
        Assert.Equal(["x"], back.Names);
    }
}
