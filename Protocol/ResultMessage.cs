using System.Globalization;

namespace OrleansAI.Protocol;

/// <summary>
/// The text a provider signs for every result: which task, which blob (by hash and length) and how
/// many examples it claims. The signature binds the provider to what it delivered, so a result can
/// later be used as evidence (slashing) and cannot be claimed by anyone else.
/// </summary>
public static class ResultMessage
{
    /// <summary>Longest runtime description accepted.</summary>
    public const int MaxRuntimeLength = 128;

    /// <summary>
    /// The exact text to sign; <paramref name="sha256"/> is empty for evaluation tasks. A declared
    /// <paramref name="runtime"/> adds a line, so the claim that decides how the result is compared
    /// (bit for bit or within tolerance) is signed with it.
    /// </summary>
    public static string Format(long chainId, string taskId, string sha256, long length, long examples, string runtime = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"OrleansAI task result\nChain ID: {chainId}\nTask: {taskId}\nSHA-256: {(string.IsNullOrEmpty(sha256) ? "-" : sha256)}\nLength: {length}\nExamples: {examples}");
        return string.IsNullOrEmpty(runtime) ? text : $"{text}\nRuntime: {runtime}";
    }

    /// <summary>Whether <paramref name="runtime"/> is a well-formed runtime description (printable ASCII without spaces, bounded).</summary>
    public static bool IsRuntime(string runtime) =>
        runtime is not null && runtime.Length <= MaxRuntimeLength && runtime.All(c => c is > ' ' and < '\x7f');
}
