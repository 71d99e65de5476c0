using System.Globalization;
using System.Runtime.CompilerServices;

namespace OrleansAI.Inference.Oip;

/// <summary>
/// Conversion of JSON number tokens to floating point. The framework's general parser costs about as
/// much as tokenising, so the common short decimals take Clinger's fast path: a mantissa of at most 2^53
/// and a power of ten of at most 22 are both exact doubles, so one multiplication or division gives the
/// correctly rounded double. Everything else goes to the framework parser.
/// </summary>
internal static class JsonNumber
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The float nearest to the number (ties to even), as a single rounding from the text would give.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float ToSingle(ReadOnlySpan<byte> utf8)
    {
        if (TryFast(utf8, out var value))
        {
            var single = (float)value;

            // Rounding to double and then to float is a double rounding, which only errs when the double
            // lands exactly halfway between two floats; such values (and float subnormals, whose halfway
            // points sit elsewhere) are left to the exact parser.
            var magnitude = Math.Abs(value);
            if (value == single || (magnitude >= 1.1754943508222875e-38 && magnitude <= float.MaxValue && (BitConverter.DoubleToInt64Bits(value) & 0x1FFF_FFFF) != 0x1000_0000))
            {
                return single;
            }
        }

        return float.Parse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The double nearest to the number.</summary>
    public static double ToDouble(ReadOnlySpan<byte> utf8) =>
        TryFast(utf8, out var value) ? value : double.Parse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a number already validated as JSON (-?int(.frac)?([eE][+-]?digits)?) when it fits the fast
    /// path; false otherwise.
    /// </summary>
    /// <remarks>Compiled fully optimised from the first call, like the loop that calls it (see OipTensorData.ReadData).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFast(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        var i = 0;
        var negative = utf8[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var exponent = 0;
        var fraction = false;
        for (; i < utf8.Length; i++)
        {
            var c = utf8[i];
            if (c == (byte)'.')
            {
                fraction = true;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                break;
            }

            // Leading zeros carry no precision; 19 significant digits always fit in a ulong.
            if (mantissa != 0 || digit != 0)
            {
                if (++digits > 19)
                {
                    return false;
                }

                mantissa = mantissa * 10 + digit;
            }

            if (fraction)
            {
                exponent--;
            }
        }

        if (i < utf8.Length)
        {
            // An exponent: 'e' or 'E', an optional sign, then digits.
            i++;
            var exponentNegative = utf8[i] == (byte)'-';
            if (utf8[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            var written = 0;
            for (; i < utf8.Length; i++)
            {
                written = written * 10 + (utf8[i] - '0');
                if (written > 1000)
                {
                    return false;
                }
            }

            exponent += exponentNegative ? -written : written;
        }

        if (mantissa == 0)
        {
            value = negative ? -0d : 0d;
            return true;
        }

        if (mantissa > 1UL << 53 || exponent < -22 || exponent > 22)
        {
            return false;
        }

        value = exponent >= 0 ? mantissa * PowersOfTen[exponent] : mantissa / PowersOfTen[-exponent];
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
