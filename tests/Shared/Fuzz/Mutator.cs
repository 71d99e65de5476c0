using System.Text;

namespace OrleansAI.Testing.Fuzz;

/// <summary>
/// Damages valid inputs the way hostile or broken senders do, driven by a seeded <see cref="Random"/>
/// so that every failing case reproduces from its seed and index. Linked into each test project that
/// fuzzes a parser (tests/Shared/Fuzz), so all of them damage bytes the same way.
/// </summary>
internal static class Mutator
{
    // Bytes that tend to matter to parsers: JSON structure, digits, signs, exponents, quotes and escapes,
    // NUL, the first invalid UTF-8 lead bytes, and a lone continuation byte.
    private static readonly byte[] Interesting = "{}[]:,\"\\0123456789-+.eEtfn \0\x7f"u8.ToArray().Concat(new byte[] { 0x80, 0xC0, 0xC1, 0xF5, 0xFF }).ToArray();

    // Text fragments that replace a span of a text input: numbers at and past the edges of the integer
    // and float types, escapes (including a lone surrogate), deep nesting, and the wrong JSON kinds.
    private static readonly string[] Fragments =
    [
        "0", "-1", "-0", "1e309", "-1e309", "1e-400", "4294967296", "2147483648", "-2147483649", "9223372036854775808",
        "18446744073709551616", "1.5", "1E+2", "0.0000001", "null", "true", "false", "\"\"", "\"x\"", "{}", "[]", "[[[[[[[[[[",
        "]]]]]", "\"\\ud800\"", "\"\\u0000\"", "\"NaN\"", "\"Infinity\"", ",", ":", "\"", "\\", "[1,2,3]", "{\"a\":1}",
    ];

    /// <summary>A copy of <paramref name="valid"/> with one to three random mutations applied.</summary>
    public static byte[] Mutate(byte[] valid, Random random)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(random);
        var bytes = valid;
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            bytes = MutateOnce(bytes, random);
        }

        return bytes;
    }

    /// <summary>UTF-8 text of <paramref name="valid"/> with one to three of its spans replaced by a <see cref="Fragments"/> entry or removed.</summary>
    public static byte[] MutateText(string valid, Random random)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(random);
        var text = valid;
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds && text.Length > 0; i++)
        {
            var start = random.Next(text.Length);
            var length = Math.Min(random.Next(0, 12), text.Length - start);
            var replacement = random.Next(4) == 0 ? "" : Fragments[random.Next(Fragments.Length)];
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Random bytes: pure noise, or noise drawn from <see cref="Interesting"/> so that some of it tokenises.</summary>
    public static byte[] RandomBytes(Random random, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new byte[random.Next(0, maxLength + 1)];
        if (random.Next(2) == 0)
        {
            random.NextBytes(bytes);
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = Interesting[random.Next(Interesting.Length)];
            }
        }

        return bytes;
    }

    /// <summary>A random .NET string, lone surrogates and control characters included.</summary>
    public static string RandomString(Random random, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var chars = new char[random.Next(0, maxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 0x80),
                1 => (char)random.Next(0xD800, 0xE000),
                2 => (char)random.Next(0x80, 0x10000),
                _ => "{}[]:,\"\\0123456789-.e"[random.Next(21)],
            };
        }

        return new string(chars);
    }

    private static byte[] MutateOnce(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return [Interesting[random.Next(Interesting.Length)]];
        }

        var at = random.Next(bytes.Length);
        switch (random.Next(8))
        {
            case 0:
                // Flip one bit.
                var flipped = (byte[])bytes.Clone();
                flipped[at] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 1:
                // Overwrite one byte with one that matters to a parser.
                var set = (byte[])bytes.Clone();
                set[at] = Interesting[random.Next(Interesting.Length)];
                return set;
            case 2:
                // Cut the input short.
                return bytes[..at];
            case 3:
                // Delete a span.
                return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 16))..]];
            case 4:
                // Insert a byte.
                return [.. bytes[..at], Interesting[random.Next(Interesting.Length)], .. bytes[at..]];
            case 5:
                // Repeat a span, as a duplicated field or element would.
                var end = Math.Min(bytes.Length, at + random.Next(1, 64));
                return [.. bytes[..end], .. bytes[at..end], .. bytes[end..]];
            case 6:
                // Swap two bytes.
                var swapped = (byte[])bytes.Clone();
                var other = random.Next(bytes.Length);
                (swapped[at], swapped[other]) = (swapped[other], swapped[at]);
                return swapped;
            default:
                // Replace a digit with another, keeping the syntax but changing a count, size or offset.
                var digits = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] is >= (byte)'0' and <= (byte)'9').ToArray();
                if (digits.Length == 0)
                {
                    return bytes;
                }

                var changed = (byte[])bytes.Clone();
                changed[digits[random.Next(digits.Length)]] = (byte)random.Next('0', '9' + 1);
                return changed;
        }
    }
}
