using System.Reflection;
using Google.Protobuf.Reflection;
using Settings = OrleansAI.Grains.Interfaces.Jobs.TrainingSettings;

namespace OrleansAI.Api.Tests;

public sealed class TrainingWireTests
{
    [Fact]
    public void TheProtocolMessageMirrorsTheSettingsRecordFieldForField()
    {
        var fields = Protocol.TrainingSettings.Descriptor.Fields.InDeclarationOrder().Select(f => f.JsonName).ToList();
        var properties = typeof(Settings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .ToList();

        Assert.Equal(properties.Order(StringComparer.Ordinal), fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EverySettingReachesTheWireWithItsValue()
    {
        var settings = new Settings(LocalEpochs: 3, LearningRate: 0.05, BatchSize: 17, ProximalMu: 0.2, Compression: "topk:0.1+int8", WeightDecay: 0.0005, Optimizer: "sgd");

        var wire = TrainingWire.ToWire(settings);

        foreach (var field in Protocol.TrainingSettings.Descriptor.Fields.InDeclarationOrder())
        {
            var property = typeof(Settings).GetProperty(char.ToUpperInvariant(field.JsonName[0]) + field.JsonName[1..])!;
            Assert.Equal(property.GetValue(settings), field.Accessor.GetValue(wire));
        }
    }

    [Fact]
    public void TheWorkTaskNoLongerCarriesSettingsOneByOne()
    {
        var names = Protocol.WorkTask.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name).ToList();

        Assert.Contains("training", names);
        Assert.DoesNotContain("learning_rate", names);
        Assert.Equal(FieldType.Message, Protocol.WorkTask.Descriptor.FindFieldByName("training").FieldType);
    }
}
