namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What counts for and against a provider, keyed by its address: suspicions and fraud cases, which move its reputation.</summary>
[Alias("OrleansAI.IProviderStandingGrain")]
public interface IProviderStandingGrain : IGrainWithStringKey
{
    /// <summary>Records that the provider's update was an outlier in round <paramref name="roundKey"/> (once per round).</summary>
    [Alias("RecordSuspicion")]
    Task RecordSuspicionAsync(string roundKey, string reason);

    /// <summary>Takes a fraud case back (its slash was overturned on dispute): the penalty is retracted once.</summary>
    [Alias("WithdrawFraud")]
    Task WithdrawFraudAsync(string caseId);

    /// <summary>Counts a fraud case against the provider (once per case id).</summary>
    [Alias("RecordFraud")]
    Task RecordFraudAsync(string caseId);
}
