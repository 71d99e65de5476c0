using OrleansAI.Grains.Interfaces.Rounds;
using Dto = OrleansAI.Sdk.Jobs;

namespace OrleansAI.Api.Wire;

/// <summary>Jobs and rounds as the API shows them.</summary>
public static class JobWire
{
    /// <summary>The view of a job snapshot.</summary>
    public static Dto.JobView View(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var d = job.Definition;
        return new(job.Id, d.Name, Status(job.Status), job.StatusReason, job.RoundsCompleted, d.Rounds, d.Strategy, d.Dataset, d.DeadlineUtc, job.CreatedUtc, job.UpdatedUtc,
            d.ModelName, job.Model?.Version, [.. job.History.Select(Round)],
            d.Budget, d.HasBudget && d.ClientWallet.Length > 0 ? Settlement.SettlementIds.JobId(d.ClientWallet, job.Id).ToString() : null,
            d.Mode, d.IsDataParallel ? d.Shards : null, d.Verification is { } v ? Verification(v) : null, d.RootDataset.Length > 0 ? d.RootDataset : null,
            job.ResultsDeletedUtc, Privacy(d.Privacy));
    }

    /// <summary>A job's (or a model's) differential privacy, or null.</summary>
    public static Dto.PrivacyView? Privacy(ClientPrivacy? p) =>
        p is null ? null : new("client", p.Epsilon, p.Delta, p.ClipNorm, p.NoiseMultiplier, p.ExpectedClients, p.AdaptiveClipping);

    /// <summary>A finished round in a job's history.</summary>
    public static Dto.RoundView Round(JobRoundRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Round, r.Evaluation, r.Participants, r.Assigned, r.Failed, r.Attempts, Finite(r.TrainLoss), Finite(r.Accuracy), Finite(r.Loss),
            r.KeptBecause, r.BytesIn, r.BytesOut, Math.Round(r.WallMs, 1), Math.Round(r.SlowestComputeMs, 1), r.WeightsSha256, r.EpsilonSpent);
    }

    /// <summary>The progress event of a published job event.</summary>
    public static Dto.JobProgress Progress(JobEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Kind, Status(e.Status), e.Reason, e.Round is null ? null : Round(e.Round), e.Model?.Name, e.Model?.Version, null);
    }

    /// <summary>The opening progress event: the job as it is.</summary>
    public static Dto.JobProgress Snapshot(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new("snapshot", Status(job.Status), job.StatusReason, null, job.Model?.Name, job.Model?.Version, View(job));
    }

    /// <summary>One round in full.</summary>
    public static Dto.RoundDetailView RoundDetail(RoundSnapshot round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new(round.Round, EnumNames.Map<RoundStatus, Dto.RoundStatus>(round.Status), round.Attempt, round.KeptBecause,
            [.. round.Contributions.Select(c => new Dto.RoundContribution(c.Provider, c.TaskId, c.ResultSha256, c.Examples, c.Used, c.Note, c.Earns, c.IsPaid))],
            [.. (round.Checks ?? []).Select(Check)]);
    }

    /// <summary>The job status on the wire.</summary>
    public static Dto.JobStatus Status(JobStatus status) => EnumNames.Map<JobStatus, Dto.JobStatus>(status);

    /// <summary>The verification settings recorded with a job.</summary>
    public static Dto.VerificationSettings Verification(VerificationSettings v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.ReplicationShare, v.Replicas, v.CanaryRate, v.MinCosine, v.MaxAbsDifference, v.ReplayOutliers);
    }

    private static Dto.ItemCheck Check(ItemCheck c) =>
        new(c.Item, c.Outcome, c.AcceptedTaskId,
            [.. c.Results.Select(r => new Dto.CheckedResult(r.Provider, r.TaskId, r.Role, r.ResultSha256, r.Standing, r.Method, r.Cosine, r.MaxAbsDifference, r.Note))],
            c.CaseIds);

    // JSON has no NaN: a round without a loss shows none.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
