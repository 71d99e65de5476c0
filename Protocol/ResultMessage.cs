using System.Globalization;

namespace OrleansAI.Protocol;

/// <summary>
/// The text a provider signs for every result: which task, which blob (by hash and length) and how
/// many examples it claims. The signature binds the provider to what it delivered, so a result can
/// later be used as evidence (slashing) and cannot be claimed by anyone else.
/// </summary>
public static class ResultMessage
{
    /// <summary>The exact text to sign; <paramref name="sha256"/> is empty for evaluation tasks.</summary>
    public static string Format(long chainId, string taskId, string sha256, long length, long examples)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        return string.Create(CultureInfo.InvariantCulture,
            $"OrleansAI task result\nChain ID: {chainId}\nTask: {taskId}\nSHA-256: {(string.IsNullOrEmpty(sha256) ? "-" : sha256)}\nLength: {length}\nExamples: {examples}");
    }
}
