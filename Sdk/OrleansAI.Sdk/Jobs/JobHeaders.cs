namespace OrleansAI.Sdk.Jobs;

/// <summary>HTTP headers of job submission, shared by the Api and this client.</summary>
public static class JobHeaders
{
    /// <summary>Makes a submission safe to retry: the same key and request answer the same job for a day.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Set (to <c>true</c>) on an answer that repeats the job an earlier submission with the key made.</summary>
    public const string Replayed = "Idempotent-Replayed";
}
