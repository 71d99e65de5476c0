namespace OrleansAI.Architecture.Tests;

public sealed class DependencyRuleTests
{
    public static TheoryData<string> Assemblies => [.. Dependencies.Allowed.Keys];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void AnAssemblyReferencesOnlyTheOnesItsArrowsAllow(string assembly)
    {
        var extra = OurAssemblies.ReferencesOf(assembly).Except(Dependencies.Allowed[assembly], StringComparer.Ordinal).ToList();

        Assert.True(extra.Count == 0, $"{assembly} references {string.Join(", ", extra)}, which its arrows do not allow");
    }

    [Fact]
    public void EveryAssemblyOfOursHasItsArrowsWrittenDown()
    {
        var built = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(OurAssemblies.IsOurs)
            .Where(n => !n.EndsWith(".Tests", StringComparison.Ordinal));

        Assert.Empty(built.Except(Dependencies.Allowed.Keys, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("OrleansAI.Api")]
    [InlineData("OrleansAI.Node")]
    [InlineData("oai-node")]
    public void ApiAndNodeNameNoGrainImplementationType(string assembly) =>
        Assert.Empty(OurAssemblies.TypesUsedFrom(assembly, "OrleansAI.Grains"));

    [Fact]
    public void TheRuleReaderSeesARealReference() =>
        Assert.Contains("OrleansAI.Grains.Interfaces.Storage.IContentStore", OurAssemblies.TypesUsedFrom("OrleansAI.Api", "OrleansAI.Grains.Interfaces"));
}
