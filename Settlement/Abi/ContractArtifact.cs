using System.Text.Json;

namespace OrleansAI.Settlement.Abi;

/// <summary>
/// One compiled contract: its ABI (JSON text) and creation bytecode, read from the forge artifact
/// that the build embeds (see <c>Contracts.targets</c>).
/// </summary>
public sealed class ContractArtifact
{
    private ContractArtifact(string name, string abiJson, string bytecode)
    {
        Name = name;
        AbiJson = abiJson;
        Bytecode = bytecode;
    }

    /// <summary>The Solidity contract name, e.g. <c>JobEscrow</c>.</summary>
    public string Name { get; }

    /// <summary>The ABI as a JSON array.</summary>
    public string AbiJson { get; }

    /// <summary>Creation bytecode, hex with a <c>0x</c> prefix, without constructor arguments.</summary>
    public string Bytecode { get; }

    /// <summary>Parses a forge artifact (<c>out/&lt;File&gt;.sol/&lt;Contract&gt;.json</c>).</summary>
    /// <exception cref="InvalidDataException">The JSON lacks <c>abi</c> or <c>bytecode.object</c>.</exception>
    public static ContractArtifact Parse(string name, Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("abi", out var abi) || abi.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"The artifact of {name} has no ABI.");
        }

        var bytecode = root.TryGetProperty("bytecode", out var code) && code.TryGetProperty("object", out var obj)
            ? obj.GetString()
            : null;
        if (string.IsNullOrEmpty(bytecode) || bytecode == "0x")
        {
            throw new InvalidDataException($"The artifact of {name} has no bytecode (an interface or abstract contract?).");
        }

        return new ContractArtifact(name, abi.GetRawText(), bytecode.StartsWith("0x", StringComparison.Ordinal) ? bytecode : "0x" + bytecode);
    }
}
