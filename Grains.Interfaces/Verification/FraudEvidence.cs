using System.Security.Cryptography;
using System.Text;

namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>
/// Proof that a provider gave a wrong answer: the same input (stored by hash) answered by at least
/// three providers, each answer signed with a session key that provider's sign-in delegated, the
/// accused outvoted by at least two others. What a slash cites, by <see cref="Hash"/>.
/// </summary>
/// <param name="Kind">"inference-replication", "inference-audit", or for training tasks "training-canary", "training-replay", "training-replication".</param>
/// <param name="Provider">The provider accused.</param>
/// <param name="ModelKey">The model version run; for training, the task's work item <c>{job}/{round}/{item}</c>.</param>
/// <param name="RequestId">The request it came from; for training, the accused's task id.</param>
/// <param name="Input">The input, stored by hash; for training, the task's inputs (weights, shard, seed, hyper-parameters) as canonical JSON.</param>
/// <param name="ChainId">The chain the answers were signed for.</param>
/// <param name="Answers">Every signed answer compared.</param>
/// <param name="AtUtc">When the disagreement was seen.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.FraudEvidence")]
public sealed record FraudEvidence(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Provider,
    [property: Id(2)] string ModelKey,
    [property: Id(3)] string RequestId,
    [property: Id(4)] ContentReference Input,
    [property: Id(5)] long ChainId,
    [property: Id(6)] IReadOnlyList<SignedAnswer> Answers,
    [property: Id(7)] DateTimeOffset AtUtc)
{
    /// <summary>
    /// The evidence's identity: SHA-256 of its canonical text (kind, accused, model, input hash, chain
    /// and every answer's provider, output hash and signature, in provider order), lower-case hex.
    /// The request id and time are left out, so the same disagreement reported twice is one case.
    /// </summary>
    public string Hash()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"OrleansAI fraud evidence v1\n{Kind}\n{Provider}\n{ModelKey}\n{Input.Sha256}\n{ChainId}\n");
        foreach (var a in Answers.OrderBy(a => a.Provider, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.Provider} {a.OutputSha256} {a.SessionKey} {a.Signature} {(a.InMajority ? 1 : 0)}");
            // Training answers add what their signature covers; inference evidence hashes as before.
            text.Append(a.TaskId.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $" {a.TaskId} {a.Examples} {a.Runtime}\n") : "\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
