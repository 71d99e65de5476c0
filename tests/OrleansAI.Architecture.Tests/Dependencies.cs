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
        ["OrleansAI.Tls"] = [],
        ["OrleansAI.Sdk"] = ["OrleansAI.Tls"],
        ["OrleansAI.Settlement"] = [],
        ["OrleansAI.Learning"] = ["OrleansAI.Models"],
        ["OrleansAI.Grains"] = ["OrleansAI.Grains.Interfaces", "OrleansAI.Federation", "OrleansAI.Models"],
        ["OrleansAI.Hosting"] = ["OrleansAI.Grains", "OrleansAI.Grains.Interfaces", "OrleansAI.Settlement", "OrleansAI.Tls"],
        ["OrleansAI.Api"] = ["OrleansAI.Hosting", "OrleansAI.Grains.Interfaces", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Inference", "OrleansAI.Protocol", "OrleansAI.Settlement", "OrleansAI.Sdk"],
        ["OrleansAI.Silo"] = ["OrleansAI.Hosting"],
        ["OrleansAI.Node"] = ["OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol", "OrleansAI.Tls"],
        ["OrleansAI.Node.Simulation"] = ["OrleansAI.Node", "OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol"],
        ["oai-node"] = ["OrleansAI.Node", "OrleansAI.Node.Simulation", "OrleansAI.Learning", "OrleansAI.Models", "OrleansAI.Federation", "OrleansAI.Protocol", "OrleansAI.Tls"],
        ["oai"] = ["OrleansAI.Sdk", "OrleansAI.Tls"],
        ["oai-deploy"] = ["OrleansAI.Settlement", "OrleansAI.Protocol", "OrleansAI.Tls"],
    };
}
