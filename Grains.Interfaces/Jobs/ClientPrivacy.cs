namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>
/// A job's client-level differential privacy (DP-FedAvg): each provider's update is clipped to
/// <paramref name="ClipNorm"/> and the sum carries Gaussian noise of <paramref name="NoiseMultiplier"/>
/// times it, calibrated at submission so the planned rounds spend at most
/// (<paramref name="Epsilon"/>, <paramref name="Delta"/>). Sampling amplification is not claimed (the
/// platform chooses providers by reputation, not by uniform sampling): each round is accounted at q = 1.
/// </summary>
/// <param name="Epsilon">The ε budget.</param>
/// <param name="Delta">δ.</param>
/// <param name="ClipNorm">C, the bound on one provider's update norm.</param>
/// <param name="NoiseMultiplier">z, calibrated for the planned rounds.</param>
/// <param name="ExpectedClients">m, the fixed denominator of the noisy mean (the job's minProviders).</param>
/// <param name="AdaptiveClipping">Whether C follows the median update norm, estimated privately.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ClientPrivacy")]
public sealed record ClientPrivacy(
    [property: Id(0)] double Epsilon,
    [property: Id(1)] double Delta,
    [property: Id(2)] double ClipNorm,
    [property: Id(3)] double NoiseMultiplier,
    [property: Id(4)] int ExpectedClients,
    [property: Id(5)] bool AdaptiveClipping = false)
{
    /// <summary>The sampling rate each round is accounted at.</summary>
    public const double SampleRate = 1.0;
}
