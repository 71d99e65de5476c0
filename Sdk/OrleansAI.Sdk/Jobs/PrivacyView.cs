namespace OrleansAI.Sdk.Jobs;

/// <summary>The differential privacy a job trains (or a model was trained) under.</summary>
/// <param name="Level"><c>client</c>.</param>
/// <param name="Epsilon">The ε budget.</param>
/// <param name="Delta">δ.</param>
/// <param name="Clip">C, the bound on one provider's update norm.</param>
/// <param name="NoiseMultiplier">z, calibrated at submission so the planned rounds spend at most the budget.</param>
/// <param name="ExpectedClients">m, the fixed denominator of the noisy mean.</param>
/// <param name="AdaptiveClipping">Whether the bound follows the median update norm.</param>
public sealed record PrivacyView(string Level, double Epsilon, double Delta, double Clip, double NoiseMultiplier, int ExpectedClients, bool AdaptiveClipping);
