using System.Text.Json;

namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>The functions, events and constructor of one contract's ABI JSON (errors are left to the revert decoder).</summary>
public sealed class ContractAbi
{
    private ContractAbi(string contract, IReadOnlyList<AbiEntry> entries)
    {
        Contract = contract;
        Entries = entries;
    }

    /// <summary>The contract's name, used in reports.</summary>
    public string Contract { get; }

    /// <summary>Every function, event and constructor entry, in ABI order.</summary>
    public IReadOnlyList<AbiEntry> Entries { get; }

    /// <summary>The constructor's inputs; none when the contract declares no constructor.</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs =>
        Entries.FirstOrDefault(e => e.Kind == "constructor")?.Inputs ?? [];

    /// <summary>Entries of <paramref name="kind"/> called <paramref name="name"/>: more than one means overloads.</summary>
    public IReadOnlyList<AbiEntry> Named(string kind, string name) =>
        [.. Entries.Where(e => e.Kind == kind && e.Name == name)];

    /// <summary>Parses an ABI JSON array (the <c>abi</c> of a forge artifact).</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="InvalidDataException">The JSON is not an ABI array.</exception>
    public static ContractAbi Parse(string contract, string abiJson)
    {
        using var document = JsonDocument.Parse(abiJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"The ABI of {contract} is not a JSON array.");
        }

        var entries = new List<AbiEntry>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var kind = Text(entry, "type");
            if (kind is not ("function" or "event" or "constructor"))
            {
                continue;
            }

            entries.Add(new AbiEntry(
                kind,
                Text(entry, "name"),
                Parameters(entry, "inputs"),
                Parameters(entry, "outputs"),
                Text(entry, "stateMutability"),
                entry.TryGetProperty("anonymous", out var anonymous) && anonymous.ValueKind == JsonValueKind.True));
        }

        return new ContractAbi(contract, entries);
    }

    private static List<AbiParameter> Parameters(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(p => new AbiParameter(
                Text(p, "name"),
                Text(p, "type"),
                p.TryGetProperty("indexed", out var indexed) && indexed.ValueKind == JsonValueKind.True,
                Parameters(p, "components")))]
            : [];

    private static string Text(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
