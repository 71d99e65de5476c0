namespace OrleansAI.Sdk.Models;

/// <summary>How a model version is served.</summary>
/// <param name="Replicas">Nodes asked to hold it.</param>
/// <param name="Replication">Nodes each request runs on by default; the majority answer is returned.</param>
/// <param name="AuditRate">Share of single-node requests re-run on another node afterwards.</param>
/// <param name="Tolerance">Largest absolute output difference that still agrees; 0 compares predicted classes.</param>
/// <param name="VerifyRate">Share of single-node requests the platform re-computes itself.</param>
public sealed record DeploymentSettings(int Replicas, int Replication, double AuditRate, double Tolerance, double VerifyRate);
