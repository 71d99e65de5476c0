namespace OrleansAI.Grains.Providers;

/// <summary>Checks a result against the task it answers: the gateway checked the signature and bounds, only the task knows its kind and size limit.</summary>
internal static class TaskResults
{
    /// <summary>Why <paramref name="report"/> cannot answer <paramref name="task"/>, or null when it can.</summary>
    public static string? Mismatch(ProviderTask task, TaskReport report)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(report);
        if (task.Kind == TaskKind.Train)
        {
            if (report.Result is null || report.Examples <= 0)
            {
                return "a training result needs a lower-case SHA-256, a positive length and a positive example count";
            }

            if (report.Result.Length > task.MaxResultBytes)
            {
                return $"the result is {report.Result.Length} bytes; this task accepts at most {task.MaxResultBytes}";
            }

            return null;
        }

        return report.Result is null ? null : "an evaluation task has no result blob; send only its evaluation";
    }
}
