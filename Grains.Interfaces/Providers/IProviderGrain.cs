using OrleansAI.Grains.Interfaces.Inference;

namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// One provider, keyed by its canonical Ethereum address: its one live connection, heartbeats, its
/// tasks, the models placed on it and its record (sign-in lives in <see cref="IProviderSignInGrain"/>). Every task a provider may answer is in its own
/// grain, so answering another provider's task is impossible by construction.
/// </summary>
[Alias("OrleansAI.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Attaches a live connection (replacing and closing any older one), records the declared
    /// capabilities, lists the provider for sampling and re-sends its unanswered tasks.
    /// </summary>
    [Alias("Connect")]
    Task<ProviderSnapshot> ConnectAsync(Guid connectionId, ProviderCapabilities capabilities, ITaskChannel channel);

    /// <summary>Keeps the connection alive; false means this connection is not the attached one and must reattach.</summary>
    [Alias("Heartbeat")]
    Task<bool> HeartbeatAsync(Guid connectionId);

    /// <summary>Detaches the connection if it is still the attached one.</summary>
    [Alias("Disconnect")]
    Task DisconnectAsync(Guid connectionId);

    /// <summary>Offers a task; true when the provider is online with capacity and the task was pushed (idempotent by task id).</summary>
    [Alias("Assign")]
    Task<bool> AssignAsync(ProviderTask task);

    /// <summary>
    /// A result whose signature and bounds the gateway checked: the grain checks it against the
    /// provider's own open task (so another provider's task is simply not found), hands it to the
    /// task's round, closes the task and answers what became of it. A refused result fails its task.
    /// </summary>
    [Alias("SubmitResult")]
    Task<ResultDecision> SubmitResultAsync(TaskReport report);

    /// <summary>
    /// A result the gateway refused (unsigned or out of bounds): if it answers one of the provider's
    /// open tasks, that task fails in its round, and the answer says why.
    /// </summary>
    [Alias("RefuseResult")]
    Task<ResultDecision> RefuseResultAsync(string taskId, string reason);

    /// <summary>The provider reported it could not do its task: the task fails, in its round too (ignored for tasks it does not hold).</summary>
    [Alias("Fail")]
    Task FailTaskAsync(string taskId, string reason);

    /// <summary>Drops a task its round no longer needs and tells the provider.</summary>
    [Alias("Cancel")]
    Task CancelTaskAsync(string taskId, string reason);

    /// <summary>Asks the provider to hold a model (remembered, and re-sent on every reconnect); false when it is offline or does not serve.</summary>
    [Alias("PlaceModel")]
    Task<bool> PlaceModelAsync(ModelPlacement placement);

    /// <summary>Asks the provider to drop a model it was asked to hold.</summary>
    [Alias("RemoveModel")]
    Task RemoveModelAsync(string modelKey);

    /// <summary>
    /// The provider reports a model's state; passed on to the model's deployment only when the model
    /// is one it was asked to hold. Returns whether it was.
    /// </summary>
    [Alias("ModelState")]
    Task<bool> ReportModelStateAsync(string modelKey, string modelState, string detail);

    /// <summary>
    /// Relays an inference call to the Api instance holding the provider's stream: how an Api reaches
    /// nodes connected to another instance. Interleaves: calls do not queue behind each other.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("Infer")]
    Task<InferenceAnswer> InferAsync(InferenceRequest request);

    /// <summary>Counts an inference comparison the provider took part in: agreed with the majority or not.</summary>
    [Orleans.Concurrency.OneWay, Alias("InferenceCheck")]
    Task RecordInferenceCheckAsync(bool agreed);

    /// <summary>Records that the provider's update was an outlier in round <paramref name="roundKey"/> (once per round).</summary>
    [Alias("RecordSuspicion")]
    Task RecordSuspicionAsync(string roundKey, string reason);

    /// <summary>Takes a fraud case back (its slash was overturned on dispute): the penalty is retracted once.</summary>
    [Alias("WithdrawFraud")]
    Task WithdrawFraudAsync(string caseId);

    /// <summary>Counts a fraud case against the provider (once per case id).</summary>
    [Alias("RecordFraud")]
    Task RecordFraudAsync(string caseId);

    /// <summary>The provider's record.</summary>
    [Alias("Get")]
    Task<ProviderSnapshot> GetAsync();
}
