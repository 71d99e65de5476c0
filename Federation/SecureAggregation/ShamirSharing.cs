namespace OrleansAI.Federation.SecureAggregation;

/// <summary>
/// Shamir's t-out-of-n secret sharing (Shamir, CACM 1979) over GF(2⁸), byte by byte: each byte of the
/// secret is the constant term of a random polynomial of degree t − 1, and share i is the
/// polynomials' values at x = i. Any t shares give the secret back by Lagrange interpolation at 0;
/// fewer tell nothing about it. Secure aggregation (Bonawitz et al., CCS 2017) shares each
/// client's key-agreement secret and self-mask seed this way, so the server can remove the masks
/// of clients that drop out, and only theirs. Pure: the randomness is the caller's.
/// </summary>
public static class ShamirSharing
{
    /// <summary>Most shares: the points are 1-255.</summary>
    public const int MaxShares = 255;

    /// <summary>
    /// Splits <paramref name="secret"/> into <paramref name="shares"/> shares of which any
    /// <paramref name="threshold"/> recover it. <paramref name="fill"/> fills a buffer with
    /// uniformly random bytes (a cryptographic generator outside tests).
    /// </summary>
    public static IReadOnlyList<ShamirShare> Split(ReadOnlySpan<byte> secret, int shares, int threshold, Action<Span<byte>> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (shares is < 1 or > MaxShares)
        {
            throw new ArgumentOutOfRangeException(nameof(shares), shares, $"Between 1 and {MaxShares} shares.");
        }

        if (threshold < 1 || threshold > shares)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be between 1 and the number of shares.");
        }

        // coefficients[k·L + j] is the k-th coefficient (k ≥ 1) of byte j's polynomial.
        var coefficients = new byte[(threshold - 1) * secret.Length];
        fill(coefficients);
        var result = new ShamirShare[shares];
        for (var i = 0; i < shares; i++)
        {
            var x = (byte)(i + 1);
            var y = new byte[secret.Length];
            for (var j = 0; j < secret.Length; j++)
            {
                // Horner's rule from the highest coefficient down to the secret.
                byte value = 0;
                for (var k = threshold - 2; k >= 0; k--)
                {
                    value = (byte)(Gf256.Multiply(value, x) ^ coefficients[k * secret.Length + j]);
                }

                y[j] = (byte)(Gf256.Multiply(value, x) ^ secret[j]);
            }

            result[i] = new ShamirShare(x, y);
        }

        return result;
    }

    /// <summary>
    /// The secret from <paramref name="shares"/> (at least the threshold it was split with, distinct
    /// points, equal lengths). With fewer than the threshold the answer is some other value: the
    /// caller must know the threshold, as secure aggregation does.
    /// </summary>
    public static byte[] Combine(IReadOnlyList<ShamirShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0)
        {
            throw new ArgumentException("At least one share is needed.", nameof(shares));
        }

        var length = shares[0].Y.Length;
        if (shares.Any(s => s.X == 0 || s.Y.Length != length) || shares.Select(s => s.X).Distinct().Count() != shares.Count)
        {
            throw new ArgumentException("Shares need distinct non-zero points and equal lengths.", nameof(shares));
        }

        var secret = new byte[length];
        for (var i = 0; i < shares.Count; i++)
        {
            // Lagrange basis at 0: ∏_{m≠i} x_m / (x_m − x_i); subtraction is XOR in GF(2⁸).
            byte basis = 1;
            for (var m = 0; m < shares.Count; m++)
            {
                if (m != i)
                {
                    basis = Gf256.Multiply(basis, Gf256.Divide(shares[m].X, (byte)(shares[m].X ^ shares[i].X)));
                }
            }

            for (var j = 0; j < length; j++)
            {
                secret[j] ^= Gf256.Multiply(basis, shares[i].Y[j]);
            }
        }

        return secret;
    }
}
