namespace OrleansAI.Federation.Privacy;

/// <summary>A run of identical steps of the sampled Gaussian mechanism in an accountant's history.</summary>
/// <param name="SampleRate">q, the Poisson sampling probability of a record (DP-SGD) or a client (DP-FedAvg).</param>
/// <param name="NoiseMultiplier">σ, the noise's standard deviation over the clipping norm.</param>
/// <param name="Steps">How many steps ran with these parameters.</param>
public sealed record PrivacyStep(double SampleRate, double NoiseMultiplier, long Steps);
