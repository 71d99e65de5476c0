using Dto = OrleansAI.Sdk.Models;

namespace OrleansAI.Api.Wire;

/// <summary>Models, versions and deployments as the API shows them.</summary>
public static class ModelWire
{
    /// <summary>A model with its latest version.</summary>
    public static Dto.ModelView Model(ModelSummary model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.Name, model.Versions, model.Latest is null ? null : Version(model.Latest));
    }

    /// <summary>A version with its provenance.</summary>
    public static Dto.ModelVersionView Version(ModelVersionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        using var spec = JsonDocument.Parse(r.SpecJson);
        return new(r.Name, r.Version, r.Weights.Sha256, r.Weights.Length, double.IsFinite(r.Accuracy) ? r.Accuracy : null, double.IsFinite(r.Loss) ? r.Loss : null,
            r.JobId, r.Rounds, r.Strategy, r.InitialWeights, r.ParentVersion, r.CreatedUtc,
            [.. r.Contributions.Select(c => new Dto.ModelContribution(c.Round, c.Provider, c.TaskId, c.ResultSha256, c.Examples))],
            spec.RootElement.Clone(), r.EpsilonSpent, JobWire.Privacy(r.Privacy));
    }

    /// <summary>A version's deployment.</summary>
    public static Dto.DeploymentView Deployment(string name, int version, DeploymentSnapshot d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = d.Settings;
        return new(name, version, EnumNames.Map<DeploymentStatus, Dto.DeploymentStatus>(d.Status),
            new Dto.DeploymentSettings(s.Replicas, s.Replication, s.AuditRate, s.Tolerance, s.VerifyRate),
            d.Placement?.Onnx.Sha256, d.Placement?.Onnx.Length,
            [.. d.Nodes.Select(n => new Dto.ServingNode(n.Address, n.State, n.Detail, n.UpdatedUtc))],
            d.Disagreements,
            [.. d.RecentDisagreements.Select(x => new Dto.InferenceDisagreement(x.RequestId, x.Kind, x.Majority, x.Dissenters, x.AtUtc))],
            d.DeployedUtc,
            $"/v2/models/{name}/versions/{version}/infer");
    }
}
