using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OrleansAI.Architecture.Tests;

/// <summary>Reads our built assemblies' metadata (nothing is loaded or run): which of our assemblies each one references, and the types it names from them.</summary>
internal static class OurAssemblies
{
    public static bool IsOurs(string name) => name.StartsWith("OrleansAI.", StringComparison.Ordinal) || name.StartsWith("oai", StringComparison.Ordinal);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    /// <summary>Our assemblies that <paramref name="name"/> references.</summary>
    public static IReadOnlyList<string> ReferencesOf(string name)
    {
        using var pe = new PEReader(File.OpenRead(PathOf(name)));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .Where(IsOurs)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The full names of the types <paramref name="name"/> uses from <paramref name="from"/>.</summary>
    public static IReadOnlyList<string> TypesUsedFrom(string name, string from)
    {
        using var pe = new PEReader(File.OpenRead(PathOf(name)));
        var metadata = pe.GetMetadataReader();
        var used = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            var scope = type.ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            }

            if (scope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == from)
            {
                used.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}");
            }
        }

        return used;
    }
}
