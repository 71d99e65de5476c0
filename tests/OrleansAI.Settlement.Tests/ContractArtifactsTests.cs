using System.Text.Json;

namespace OrleansAI.Settlement.Tests;

public sealed class ContractArtifactsTests
{
    [Fact]
    public void BuildEmbedsTheAbiAndBytecodeOfEveryPlatformContract()
    {
        foreach (var name in ContractArtifacts.Names)
        {
            var artifact = ContractArtifacts.Get(name);
            Assert.StartsWith("0x6", artifact.Bytecode, StringComparison.Ordinal);
            Assert.True(artifact.Bytecode.Length > 2_000, $"{name} bytecode is only {artifact.Bytecode.Length} characters");
            using var abi = JsonDocument.Parse(artifact.AbiJson);
            Assert.Contains(abi.RootElement.EnumerateArray(), entry => entry.GetProperty("type").GetString() == "constructor");
        }
    }

    [Fact]
    public void UnknownContractIsReportedByName()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ContractArtifacts.Get("Nope"));

        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
    }
}
