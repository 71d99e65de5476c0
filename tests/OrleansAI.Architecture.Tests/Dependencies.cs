namespace OrleansAI.Architecture.Tests;

/// <summary>
/// The dependency arrows between our assemblies, as docs/architecture.md draws them: each assembly
/// may reference only the ones listed. Pure cores reference none of ours; nothing points back up.
/// </summary>
internal static class Dependencies
{
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["OrleansAI.Federation"] = [],
        ["OrleansAI.Protocol"] = [],
        ["OrleansAI.Inference"] = [],
        ["OrleansAI.Models"] = [],
        ["OrleansAI.Grains.Interfaces"] = [],
        ["OrleansAI.Sdk"] = [],
        ["OrleansAI.Settlement"] = [],
        ["OrleansAI.Learning"] = ["OrleansAI.Models"],
        ["OrleansAI.Grains"] = ["OrleansAI.Grains.Interfaces", "OrleansAI.Federation", "OrleansAI.Models"],
        ["OrleansAI.Hosting"] = ["OrleansAI.Grains", "OrleansAI.Grains.Interfaces", "OrleansAI.Settlement"],
        ["OrleansAI.Api"] = ["OrleansAI.Hosting", "OrleansAI.Grains.Interfaces", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Inference", "OrleansAI.Protocol", "OrleansAI.Settlement", "OrleansAI.Sdk"],
        ["OrleansAI.Silo"] = ["OrleansAI.Hosting"],
        ["OrleansAI.Node"] = ["OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol"],
        ["OrleansAI.Node.Simulation"] = ["OrleansAI.Node", "OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol"],
        ["oai-node"] = ["OrleansAI.Node", "OrleansAI.Node.Simulation", "OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol"],
        ["oai"] = ["OrleansAI.Sdk"],
        ["oai-deploy"] = ["OrleansAI.Settlement", "OrleansAI.Protocol"],
    };
}
