namespace OrleansAI.Inference.Oip;

/// <summary>Names and sizes of <see cref="OipDatatype"/> values as the protocol spells them.</summary>
public static class OipDatatypes
{
    private static readonly string[] Names = ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES"];

    private static readonly int[] Sizes = [1, 1, 2, 4, 8, 1, 2, 4, 8, 2, 4, 8, 0];

    /// <summary>Every protocol name, in enum order: "BOOL", "UINT8", …, "FP64", "BYTES".</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>Parses a protocol name. Names are case-sensitive, as the protocol requires of all strings.</summary>
    public static bool TryParse(string text, out OipDatatype type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Array.IndexOf(Names, text);
        type = index < 0 ? default : (OipDatatype)index;
        return index >= 0;
    }

    /// <summary>The protocol name of <paramref name="type"/>, e.g. "FP32".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined datatype.</exception>
    public static string Name(OipDatatype type) => Names[Checked(type)];

    /// <summary>Bytes per element in the binary extension; 0 for BYTES, whose elements vary in size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined datatype.</exception>
    public static int ByteSize(OipDatatype type) => Sizes[Checked(type)];

    /// <summary>Whether the type is FP16, FP32 or FP64.</summary>
    internal static bool IsFloatingPoint(OipDatatype type) => type is OipDatatype.Fp16 or OipDatatype.Fp32 or OipDatatype.Fp64;

    /// <summary>The inclusive range of an integer type (BOOL counts as [0, 1]).</summary>
    internal static (long Min, ulong Max) IntegerRange(OipDatatype type) => type switch
    {
        OipDatatype.Bool => (0, 1),
        OipDatatype.Uint8 => (0, byte.MaxValue),
        OipDatatype.Uint16 => (0, ushort.MaxValue),
        OipDatatype.Uint32 => (0, uint.MaxValue),
        OipDatatype.Uint64 => (0, ulong.MaxValue),
        OipDatatype.Int8 => (sbyte.MinValue, (ulong)sbyte.MaxValue),
        OipDatatype.Int16 => (short.MinValue, (ulong)short.MaxValue),
        OipDatatype.Int32 => (int.MinValue, int.MaxValue),
        OipDatatype.Int64 => (long.MinValue, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an integer datatype."),
    };

    private static int Checked(OipDatatype type) =>
        (uint)type < (uint)Names.Length ? (int)type : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown datatype.");
}
