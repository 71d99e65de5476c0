namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Reproducible Gaussian noise from a seed, for tests and simulations only: anyone who knows the
/// seed can remove it, so it protects nothing.
/// </summary>
public sealed class SeededGaussianNoise(int seed) : IGaussianNoise
{
    private readonly Random _random = new(seed);

    /// <inheritdoc />
    public void Add(Span<float> values, double standardDeviation)
    {
        SecureGaussianNoise.Validate(standardDeviation);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += (float)Draw(standardDeviation);
        }
    }

    /// <inheritdoc />
    public double Draw(double standardDeviation)
    {
        SecureGaussianNoise.Validate(standardDeviation);
        return SecureGaussianNoise.BoxMuller(1 - _random.NextDouble(), _random.NextDouble()).A * standardDeviation;
    }
}
