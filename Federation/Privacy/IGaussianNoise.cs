namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Where a privacy mechanism's Gaussian noise comes from. Injected, so the mechanisms stay pure and
/// their tests can see exactly what was asked for; production uses <see cref="SecureGaussianNoise"/>.
/// </summary>
public interface IGaussianNoise
{
    /// <summary>Adds independent N(0, <paramref name="standardDeviation"/>²) noise to each value.</summary>
    void Add(Span<float> values, double standardDeviation);

    /// <summary>One draw from N(0, <paramref name="standardDeviation"/>²).</summary>
    double Draw(double standardDeviation);
}
