namespace OrleansAI.Sdk.Jobs;

/// <summary>A job as the API returns it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">pending, running, completed, failed or cancelled.</param>
/// <param name="StatusReason">Why it is in that status.</param>
/// <param name="RoundsCompleted">Rounds finished.</param>
/// <param name="Rounds">Rounds requested.</param>
/// <param name="Strategy">Aggregation strategy.</param>
/// <param name="Dataset">Dataset required.</param>
/// <param name="Deadline">When it must finish.</param>
/// <param name="Created">When it was accepted.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Model">Registered model name, once trained.</param>
/// <param name="ModelVersion">Registered model version, once trained.</param>
/// <param name="History">Finished rounds, oldest first.</param>
/// <param name="Budget">Budget in OAI wei.</param>
/// <param name="EscrowJobId">The id to post the job's escrow under (JobEscrow.postJob, from the client's wallet); null without a budget.</param>
/// <param name="Mode"><c>federated</c> or <c>data-parallel</c>.</param>
/// <param name="Shards">Data-parallel: the shards the dataset was split into.</param>
/// <param name="Verification">Data-parallel: how the work is checked, including the comparison tolerance in force.</param>
/// <param name="RootDataset">Federated: the root dataset the platform's verifier trains on each round (FLTrust), if any.</param>
/// <param name="Privacy">The job's differential privacy, or null.</param>
/// <param name="ResultsDeleted">When the result blobs that shaped the model were deleted after the platform's retention; provenance keeps their hashes.</param>
public sealed record JobView(
    string Id,
    string Name,
    JobStatus Status,
    string StatusReason,
    int RoundsCompleted,
    int Rounds,
    string Strategy,
    string Dataset,
    DateTimeOffset Deadline,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string Model,
    int? ModelVersion,
    IReadOnlyList<RoundView> History,
    string Budget,
    string? EscrowJobId,
    string Mode,
    int? Shards,
    VerificationSettings? Verification,
    string? RootDataset,
    DateTimeOffset? ResultsDeleted,
    PrivacyView? Privacy = null);
