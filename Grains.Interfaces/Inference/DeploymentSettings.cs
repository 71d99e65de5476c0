namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>How a model version is served.</summary>
/// <param name="Replicas">Nodes asked to hold it.</param>
/// <param name="Replication">Nodes each request runs on by default; the majority answer is returned.</param>
/// <param name="AuditRate">Share of single-node requests re-run on another node and compared afterwards (<see cref="DefaultAuditRate"/> unless set).</param>
/// <param name="Tolerance">Largest absolute difference two outputs may have and agree; 0 compares the predicted class (argmax).</param>
/// <param name="VerifyRate">Share of single-node answers the platform re-computes itself, as a trusted verifier.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.DeploymentSettings")]
public sealed record DeploymentSettings(
    [property: Id(0)] int Replicas = 3,
    [property: Id(1)] int Replication = 1,
    [property: Id(2)] double AuditRate = DeploymentSettings.DefaultAuditRate,
    [property: Id(3)] double Tolerance = 0,
    [property: Id(4)] double VerifyRate = 0)
{
    /// <summary>
    /// Share of answers audited unless the client says otherwise: without any, a node that lies
    /// only when it serves alone would never be caught. One in fifty costs 2 % more node time.
    /// </summary>
    public const double DefaultAuditRate = 0.02;

    /// <summary>Most nodes one deployment may ask for.</summary>
    public const int MaxReplicas = 64;

    /// <summary>Most nodes one request may run on.</summary>
    public const int MaxReplication = 7;

    /// <summary>The first problem with the settings, or null.</summary>
    public string? Problem() =>
        Replicas is < 1 or > MaxReplicas ? $"replicas must be from 1 to {MaxReplicas}"
        : Replication < 1 || Replication > Math.Min(Replicas, MaxReplication) ? $"replication must be from 1 to min(replicas, {MaxReplication})"
        : AuditRate is < 0 or > 1 || double.IsNaN(AuditRate) ? "auditRate must be from 0 to 1"
        : VerifyRate is < 0 or > 1 || double.IsNaN(VerifyRate) ? "verifyRate must be from 0 to 1"
        : Tolerance < 0 || !double.IsFinite(Tolerance) ? "tolerance must be finite and not negative"
        : null;
}
