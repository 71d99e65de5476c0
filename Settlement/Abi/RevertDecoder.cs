using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace OrleansAI.Settlement.Abi;

/// <summary>
/// Decodes revert data by selector against every custom error of the platform contracts.
/// </summary>
/// <remarks>
/// The contracts revert only with custom errors (docs/contracts.md, Security notes). A revert can
/// surface from a contract other than the one called — SafeERC20 bubbles the token's
/// <c>ERC20InsufficientAllowance</c> up through the escrow — so the table is the union of all the
/// embedded ABIs rather than the ABI of the contract called. Where two ABIs declare the same error
/// (OpenZeppelin's, inherited by several contracts) the declarations are identical.
/// </remarks>
public sealed class RevertDecoder
{
    private const string ErrorStringSelector = "0x08c379a0";
    private const string PanicSelector = "0x4e487b71";

    private static readonly Lazy<RevertDecoder> LazyDefault = new(() => FromArtifacts(ContractArtifacts.Names.Select(ContractArtifacts.Get)));

    private readonly FrozenDictionary<string, ErrorABI> _errors;

    private RevertDecoder(FrozenDictionary<string, ErrorABI> errors) => _errors = errors;

    /// <summary>The decoder over the embedded platform contracts.</summary>
    public static RevertDecoder Default => LazyDefault.Value;

    /// <summary>How many distinct custom errors the decoder knows.</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>Builds a decoder from the given artifacts' ABIs.</summary>
    public static RevertDecoder FromArtifacts(IEnumerable<ContractArtifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var errors = new Dictionary<string, ErrorABI>(StringComparer.OrdinalIgnoreCase);
        var deserialiser = new ABIJsonDeserialiser();
        foreach (var artifact in artifacts)
        {
            foreach (var error in deserialiser.DeserialiseContract(artifact.AbiJson).Errors ?? [])
            {
                errors.TryAdd("0x" + error.Sha3Signature, error);
            }
        }

        return new RevertDecoder(errors.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The name of the error with this selector, if known (e.g. for assertions in tests).</summary>
    public string? NameOf(string selector) => _errors.TryGetValue(selector, out var error) ? error.Name : null;

    /// <summary>Decodes revert data (hex, with or without <c>0x</c>; null or empty for none).</summary>
    public DecodedRevert Decode(string? data)
    {
        var hex = string.IsNullOrEmpty(data) ? "0x" : data.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? data : "0x" + data;
        hex = hex.ToLowerInvariant();
        if (hex.Length < 10)
        {
            return new DecodedRevert(hex, null, [], null);
        }

        var selector = hex[..10];
        var decoder = new FunctionCallDecoder();
        try
        {
            if (selector == ErrorStringSelector)
            {
                var message = decoder.DecodeFunctionErrorMessage(hex);
                return new DecodedRevert(hex, "Error", [new RevertArgument("message", "string", message)], message);
            }

            if (selector == PanicSelector)
            {
                var code = decoder.DecodeSimpleTypeOutput<BigInteger>(new Parameter("uint256", "code"), "0x" + hex[10..]);
                return new DecodedRevert(hex, "Panic", [new RevertArgument("code", "uint256", code)], DescribePanic(code));
            }

            if (_errors.TryGetValue(selector, out var error))
            {
                var arguments = decoder.DecodeError(error, hex)
                    .OrderBy(output => output.Parameter.Order)
                    .Select(output => new RevertArgument(output.Parameter.Name ?? string.Empty, output.Parameter.Type, output.Result))
                    .ToList();
                return new DecodedRevert(hex, error.Name, arguments, null);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            // Malformed data for a known selector: still report the name, without arguments.
            return new DecodedRevert(hex, _errors.TryGetValue(selector, out var known) ? known.Name : null, [], null);
        }

        return new DecodedRevert(hex, null, [], null);
    }

    private static string DescribePanic(BigInteger code)
    {
        var text = code.ToString("x2", CultureInfo.InvariantCulture);
        var what = (int)(code & 0xff) switch
        {
            0x01 => "assertion failed",
            0x11 => "arithmetic overflow or underflow",
            0x12 => "division or modulo by zero",
            0x21 => "invalid enum value",
            0x31 => "pop on an empty array",
            0x32 => "array index out of bounds",
            0x41 => "out of memory",
            0x51 => "call to an uninitialised function",
            _ => "panic",
        };
        return $"0x{text} ({what})";
    }
}
