namespace OrleansAI.Federation.Privacy;

/// <summary>An (ε, δ) guarantee and the Rényi order that gave the smallest ε.</summary>
/// <param name="Epsilon">ε at the requested δ; +∞ when no order gives a finite bound.</param>
/// <param name="Order">The optimal order α; NaN when ε is +∞.</param>
public readonly record struct PrivacySpent(double Epsilon, double Order);
