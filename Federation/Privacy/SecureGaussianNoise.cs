using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Gaussian noise from the operating system's cryptographic generator, by the Box-Muller transform
/// in double precision on 53-bit uniforms. A predictable generator would let whoever can predict it
/// subtract the noise, so the seeded one is for tests only. Floating-point sampling is not exactly
/// Gaussian in its far tails (Mironov, CCS 2012); docs/privacy.md says what that means here.
/// </summary>
public sealed class SecureGaussianNoise : IGaussianNoise
{
    /// <summary>The shared instance (stateless apart from the system generator).</summary>
    public static SecureGaussianNoise Instance { get; } = new();

    /// <inheritdoc />
    public void Add(Span<float> values, double standardDeviation)
    {
        Validate(standardDeviation);
        if (standardDeviation == 0)
        {
            return;
        }

        Span<byte> random = stackalloc byte[16];
        for (var i = 0; i < values.Length; i += 2)
        {
            RandomNumberGenerator.Fill(random);
            var (a, b) = BoxMuller(Uniform(random[..8]), Uniform(random[8..]));
            values[i] += (float)(a * standardDeviation);
            if (i + 1 < values.Length)
            {
                values[i + 1] += (float)(b * standardDeviation);
            }
        }
    }

    /// <inheritdoc />
    public double Draw(double standardDeviation)
    {
        Validate(standardDeviation);
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return BoxMuller(Uniform(random[..8]), Uniform(random[8..])).A * standardDeviation;
    }

    /// <summary>Two independent standard normal draws from two uniforms in (0, 1].</summary>
    public static (double A, double B) BoxMuller(double u1, double u2)
    {
        var radius = Math.Sqrt(-2 * Math.Log(u1));
        var angle = 2 * Math.PI * u2;
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }

    internal static void Validate(double standardDeviation)
    {
        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "A standard deviation must be finite and not negative.");
        }
    }

    // 53 random bits as a double in (0, 1]: never 0, whose logarithm Box-Muller cannot take.
    private static double Uniform(ReadOnlySpan<byte> bytes) => ((BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 11) + 1) * (1.0 / (1UL << 53));
}
