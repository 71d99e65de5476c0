using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using OrleansAI.Federation.Compression;

namespace OrleansAI.Node.Tests;

/// <summary>The production agent knows nothing of attacks: they live in the simulation assembly, which it does not reference.</summary>
public sealed partial class NodeAssemblyTests
{
    private const string AttackNamespace = "OrleansAI.Federation.Adversarial";
    private const string SimulationAssembly = "OrleansAI.Node.Simulation";

    private static readonly Assembly Node = typeof(ProviderAgent).Assembly;

    private static readonly HashSet<string> AttackWords = new(
        ["attack", "attacks", "behavior", "behaviour", "cheat", "cheater", "collusion", "copier", "lie", "liar", "lying", "shirker", "flip", "flipped", "poison"],
        StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void TheNodeAssemblyDoesNotReferenceTheSimulationAssembly()
    {
        var references = Node.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("OrleansAI.Federation", references);
        Assert.DoesNotContain(SimulationAssembly, references);
    }

    [Fact]
    public void NoTypeNamedAnywhereInTheNodeAssemblyComesFromTheAttacks()
    {
        // Every type an assembly names from elsewhere, in signatures and method bodies alike, is a row
        // of its TypeRef table; the simulation assembly shows the scan finds the attacks where they are.
        var node = TypeReferences(Node);
        var simulation = TypeReferences(typeof(SimulatedConduct).Assembly);

        Assert.Contains(typeof(UpdateCompressor).FullName!, node);
        Assert.Contains($"{AttackNamespace}.ClientBehavior", simulation);
        Assert.DoesNotContain(node, name => name.StartsWith(AttackNamespace + ".", StringComparison.Ordinal) || name.StartsWith(SimulationAssembly + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void NoMemberOfTheNodeAssemblyHasAnAttackTypeInItsSignature()
    {
        var used = SignatureTypes(Node);

        Assert.Contains(typeof(UpdateCompressor), used);
        Assert.DoesNotContain(used, t => t.Namespace?.StartsWith(AttackNamespace, StringComparison.Ordinal) == true || t.Assembly.GetName().Name == SimulationAssembly);
    }

    [Fact]
    public void NoNameInTheNodeAssemblySpeaksOfAttacks()
    {
        var names = Node.GetTypes().SelectMany(t => (IEnumerable<string>)[t.Name, .. t.GetMembers(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Select(m => m.Name)]);
        var words = names.SelectMany(n => Word().Matches(n).Select(m => m.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("conduct", words);
        Assert.DoesNotContain(words, AttackWords.Contains);
    }

    private static HashSet<string> TypeReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        string FullName(TypeReferenceHandle handle)
        {
            var type = metadata.GetTypeReference(handle);
            var name = metadata.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? $"{FullName((TypeReferenceHandle)type.ResolutionScope)}+{name}"
                : $"{metadata.GetString(type.Namespace)}.{name}";
        }

        return [.. metadata.TypeReferences.Select(FullName)];
    }

    private static HashSet<Type> SignatureTypes(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var found = new HashSet<Type>();
        void Add(Type? type)
        {
            if (type is null || !found.Add(type))
            {
                return;
            }

            Add(type.IsArray || type.IsByRef || type.IsPointer ? type.GetElementType() : null);
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Add(argument);
            }
        }

        foreach (var type in assembly.GetTypes())
        {
            Add(type.BaseType);
            Array.ForEach(type.GetInterfaces(), Add);
            Array.ForEach(type.GetFields(All), f => Add(f.FieldType));
            Array.ForEach(type.GetProperties(All), p => Add(p.PropertyType));
            Array.ForEach(type.GetEvents(All), e => Add(e.EventHandlerType));
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                Add((method as MethodInfo)?.ReturnType);
                Array.ForEach(method.GetParameters(), p => Add(p.ParameterType));
            }
        }

        return found;
    }

    // The words of a PascalCase or camelCase name.
    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex Word();
}
