using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;

namespace OrleansAI.Settlement.Abi;

/// <summary>One decoded argument of a custom error, e.g. <c>taskId</c> of <c>TaskAlreadyPaid</c>.</summary>
/// <param name="Name">The parameter name from the ABI (may be empty).</param>
/// <param name="Type">The Solidity type, e.g. <c>bytes32</c>.</param>
/// <param name="Value">The value as Nethereum decodes it (string, BigInteger, bool, byte[], …).</param>
public sealed record RevertArgument(string Name, string Type, object? Value)
{
    /// <summary>The value as text: hex for bytes, decimal for integers.</summary>
    public string FormattedValue => Value switch
    {
        null => "null",
        byte[] bytes => bytes.ToHex(prefix: true),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? string.Empty,
    };

    /// <summary><c>name=value</c>, or just the value for unnamed parameters.</summary>
    public override string ToString() => string.IsNullOrEmpty(Name) ? FormattedValue : $"{Name}={FormattedValue}";
}
