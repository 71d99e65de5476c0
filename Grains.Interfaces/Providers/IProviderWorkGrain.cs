namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider's tasks, keyed by its address: every task it may answer is in its own grain, so answering another provider's task is impossible by construction.</summary>
[Alias("OrleansAI.IProviderWorkGrain")]
public interface IProviderWorkGrain : IGrainWithStringKey
{
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
}
