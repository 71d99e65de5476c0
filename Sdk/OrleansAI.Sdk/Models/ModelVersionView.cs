namespace OrleansAI.Sdk.Models;

/// <summary>A model version with its provenance, as the API returns it.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version number.</param>
/// <param name="Weights">SHA-256 of the weights blob (safetensors).</param>
/// <param name="WeightsBytes">Size of the weights blob.</param>
/// <param name="Accuracy">Accuracy on the providers' held-out test data; null if not measured.</param>
/// <param name="Loss">Loss on it; null if not measured.</param>
/// <param name="Job">The job that trained it.</param>
/// <param name="Rounds">Training rounds.</param>
/// <param name="Strategy">Aggregation strategy.</param>
/// <param name="InitialWeights">SHA-256 of the starting weights.</param>
/// <param name="ParentVersion">The previous version, if any.</param>
/// <param name="Created">Registration time.</param>
/// <param name="Contributions">Every result aggregation used.</param>
/// <param name="Spec">The model spec.</param>
/// <param name="EpsilonSpent">A private job's model: the ε its training spent (at <c>Privacy.Delta</c>).</param>
/// <param name="Privacy">A private job's model: the differential privacy it was trained under.</param>
public sealed record ModelVersionView(
    string Name,
    int Version,
    string Weights,
    long WeightsBytes,
    double? Accuracy,
    double? Loss,
    string Job,
    int Rounds,
    string Strategy,
    string InitialWeights,
    int? ParentVersion,
    DateTimeOffset Created,
    IReadOnlyList<ModelContribution> Contributions,
    System.Text.Json.JsonElement Spec,
    double? EpsilonSpent = null,
    Jobs.PrivacyView? Privacy = null);
