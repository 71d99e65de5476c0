namespace OrleansAI.Federation.SecureAggregation;

/// <summary>
/// Arithmetic in GF(2⁸) with the AES polynomial x⁸ + x⁴ + x³ + x + 1 (0x11B): addition is XOR,
/// multiplication by log/antilog tables over the generator 3. Branch-free table lookups keep the
/// sharing of secrets out of timing side channels as far as managed code allows.
/// </summary>
internal static class Gf256
{
    private static readonly byte[] Exp = new byte[510];
    private static readonly byte[] Log = new byte[256];

    static Gf256()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Exp[i + 255] = (byte)x;
            Log[x] = (byte)i;
            // x ← x·3 = x·2 ⊕ x, reduced by the polynomial.
            var doubled = x << 1;
            if ((doubled & 0x100) != 0)
            {
                doubled ^= 0x11B;
            }

            x = doubled ^ x;
        }
    }

    /// <summary>a·b.</summary>
    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    /// <summary>a / b for b ≠ 0.</summary>
    public static byte Divide(byte a, byte b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("Division by zero in GF(256).");
        }

        return a == 0 ? (byte)0 : Exp[Log[a] + 255 - Log[b]];
    }
}
