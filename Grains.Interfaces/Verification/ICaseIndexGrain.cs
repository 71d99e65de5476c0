namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>
/// Every fraud case of the cluster with its latest status (one grain, key 0), so operators can find
/// the disputes waiting for them without knowing the provider first. Cases report themselves.
/// </summary>
[Alias("OrleansAI.ICaseIndexGrain")]
public interface ICaseIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records a case or its new status.</summary>
    [Alias("Record")]
    Task RecordAsync(CaseEntry entry);

    /// <summary>Cases, newest first, optionally only those with <paramref name="status"/>; at most <paramref name="take"/> after skipping <paramref name="skip"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<CaseEntry>> ListAsync(FraudCaseStatus? status, int skip, int take);
}
