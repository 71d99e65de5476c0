namespace OrleansAI.Sdk.Models;

/// <summary>How to serve a model version; every field is optional.</summary>
/// <param name="Replicas">Nodes asked to hold it (default 3).</param>
/// <param name="Replication">Nodes each request runs on by default (default 1); the majority answer is returned.</param>
/// <param name="AuditRate">Share of single-node requests re-run on another node afterwards (default 0).</param>
/// <param name="Tolerance">Largest absolute output difference that still agrees; 0 (default) compares predicted classes.</param>
/// <param name="VerifyRate">Share of single-node requests the platform re-computes itself as a trusted verifier (default 0).</param>
public sealed record DeploymentRequest(int? Replicas = null, int? Replication = null, double? AuditRate = null, double? Tolerance = null, double? VerifyRate = null);
