using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OrleansAI.Inference.Routing;

namespace OrleansAI.Api.Inference;

/// <summary>
/// Runs inference calls: on the nodes connected to this Api first, picked by least outstanding calls
/// (two random choices when many), then price; when none of those can answer, on nodes connected to
/// other Api instances, relayed through their provider grains. Retries on another node when one
/// fails, closes or is too slow, within the call's deadline; runs on k nodes and returns the majority
/// when asked; re-runs a share of answers on another node as an audit. Only signed answers are
/// compared; every disagreement is recorded against the nodes, and an answer outvoted by at least two
/// others opens a fraud case with the signed answers as evidence.
/// </summary>
public sealed partial class InferenceRouter(
    ServingDirectory directory, IGrainFactory grains, IOptions<ChainOptions> chain, IServiceProvider services, ILogger<InferenceRouter> logger)
{
    /// <summary>How long a node that timed out is passed over.</summary>
    public static readonly TimeSpan SlowPenalty = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time one attempt is given before the router tries another node.</summary>
    public static readonly TimeSpan MinAttempt = TimeSpan.FromMilliseconds(250);

    /// <summary>How the platform's own verifier is named in disagreements and evidence.</summary>
    public const string TrustedVerifierName = "platform-verifier";

    private readonly ConcurrentDictionary<string, long> _slowUntil = new(StringComparer.Ordinal);
    private readonly long _chainId = chain.Value.ChainId;
    private long _audits;
    private long _disagreements;

    /// <summary>Audits started.</summary>
    public long Audits => Interlocked.Read(ref _audits);

    /// <summary>Disagreements seen.</summary>
    public long Disagreements => Interlocked.Read(ref _disagreements);

    /// <summary>Runs <paramref name="call"/>.</summary>
    public async Task<InferenceOutcome> RunAsync(InferenceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(call.Timeout);
        var ends = Stopwatch.GetTimestamp() + (long)(call.Timeout.TotalSeconds * Stopwatch.Frequency);
        if (call.Replication <= 1)
        {
            var tried = new HashSet<string>(StringComparer.Ordinal);
            var (answer, error) = await OneAsync(call, tried, ends, deadline.Token);
            if (answer is null)
            {
                return Failed(error!, cancellationToken);
            }

            if (call.AuditRate > 0 && Random.Shared.NextDouble() < call.AuditRate)
            {
                Interlocked.Increment(ref _audits);
                _ = AuditAsync(call, answer);
            }

            if (call.VerifyRate > 0 && call.Placement is not null && Random.Shared.NextDouble() < call.VerifyRate)
            {
                _ = VerifyAsync(call, answer);
            }

            return new InferenceOutcome(answer.Output, 200, null, 1, 1);
        }

        return await ReplicatedAsync(call, ends, deadline.Token, cancellationToken);
    }

    private async Task<InferenceOutcome> ReplicatedAsync(InferenceCall call, long ends, CancellationToken deadline, CancellationToken caller)
    {
        var inputSha = SHA256.HashData(call.Input.Span);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var chosen = Choose(call.ModelKey, tried, call.Replication);
        tried.UnionWith(chosen.Select(n => n.Address));
        var answers = new List<RoutedAnswer>();
        var runs = chosen.Select(n => AttemptAsync(call, n, ends, deadline)).ToList();
        foreach (var run in runs)
        {
            if (await run is { } answer && IsSigned(call, inputSha, answer))
            {
                answers.Add(answer);
            }
        }

        // Replace the nodes that failed, one at a time, while time and nodes last.
        while (answers.Count < call.Replication && !deadline.IsCancellationRequested)
        {
            var (answer, _) = await OneAsync(call, tried, ends, deadline);
            if (answer is null)
            {
                break;
            }

            if (IsSigned(call, inputSha, answer))
            {
                answers.Add(answer);
            }
        }

        while (true)
        {
            if (answers.Count == 0)
            {
                return Failed("every node serving the model failed", caller);
            }

            var outcome = OutputConsensus.Decide([.. answers.Select(a => (ReadOnlyMemory<float>)a.Output)], call.Rows, call.Rule);
            if (outcome.Resolved)
            {
                Record(call, "replication", answers, outcome);
                return new InferenceOutcome(answers[outcome.Winner!.Value].Output, 200, null, answers.Count, outcome.Majority.Count);
            }

            // No majority (two nodes disagreeing): ask one more node to break the tie.
            var (extra, _) = await OneAsync(call, tried, ends, deadline);
            if (extra is null)
            {
                Record(call, "replication", answers, outcome);
                return new InferenceOutcome(null, 502, "the nodes disagreed and no majority formed", answers.Count, 0);
            }

            if (IsSigned(call, inputSha, extra))
            {
                answers.Add(extra);
            }
        }
    }

    private async Task<(RoutedAnswer? Answer, string? Error)> OneAsync(InferenceCall call, HashSet<string> tried, long ends, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested)
        {
            var picked = Choose(call.ModelKey, tried, 1);
            if (picked.Count > 0)
            {
                tried.Add(picked[0].Address);
                if (await AttemptAsync(call, picked[0], ends, deadline) is { } answer)
                {
                    return (answer, null);
                }

                continue;
            }

            // No local node can answer: nodes connected to other Api instances, through their grains.
            var remote = call.RemoteNodes.Where(a => !tried.Contains(a) && !IsSlow(a)).ToList();
            if (remote.Count == 0)
            {
                return (null, tried.Count == 0 ? "no node serves the model" : "every node serving the model failed");
            }

            var address = remote[Random.Shared.Next(remote.Count)];
            tried.Add(address);
            if (await AttemptRemoteAsync(call, address, ends, deadline) is { } relayed)
            {
                return (relayed, null);
            }
        }

        return (null, "the deadline passed");
    }

    private async Task<RoutedAnswer?> AttemptAsync(InferenceCall call, ProviderConnection node, long ends, CancellationToken deadline)
    {
        var budget = Budget(ends);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        attempt.CancelAfter(budget);
        try
        {
            var reply = await node.CallAsync(new InferCall
            {
                ModelKey = call.ModelKey,
                Rows = call.Rows,
                Input = call.Input,
                DeadlineUnixMs = DateTimeOffset.UtcNow.Add(budget).ToUnixTimeMilliseconds(),
            }, attempt.Token);
            var expected = (long)call.Rows * call.OutputWidth * sizeof(float);
            if (reply.Error.Length == 0 && reply.Output.Length == expected)
            {
                return new RoutedAnswer(node.Address, MemoryMarshal.Cast<byte, float>(reply.Output.Span).ToArray(), reply.Output.ToByteArray(), reply.Signature.ToByteArray(), node.SessionKey);
            }

            LogNodeFailed(node.Address, call.ModelKey, reply.Error.Length > 0 ? reply.Error : $"an output of {reply.Output.Length} bytes, not {expected}");
            return null;
        }
        catch (IOException ex)
        {
            LogNodeFailed(node.Address, call.ModelKey, ex.Message);
            return null;
        }
        catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
        {
            // Too slow: passed over for a while so the next calls do not wait on it too.
            MarkSlow(node.Address);
            LogNodeFailed(node.Address, call.ModelKey, "no answer in time");
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<RoutedAnswer?> AttemptRemoteAsync(InferenceCall call, string address, long ends, CancellationToken deadline)
    {
        var budget = Budget(ends);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        attempt.CancelAfter(budget);
        try
        {
            var answer = await grains.GetGrain<IProviderServingGrain>(address)
                .InferAsync(new InferenceRequest(call.ModelKey, call.Input.ToByteArray(), call.Rows, DateTimeOffset.UtcNow + budget))
                .WaitAsync(attempt.Token);
            var expected = (long)call.Rows * call.OutputWidth * sizeof(float);
            if (answer.Output is { } output && output.LongLength == expected)
            {
                return new RoutedAnswer(address, MemoryMarshal.Cast<byte, float>(output).ToArray(), output, answer.Signature ?? [], answer.SessionKey ?? []);
            }

            LogNodeFailed(address, call.ModelKey, answer.Error ?? $"an output of {answer.Output?.Length} bytes, not {expected}");
            return null;
        }
        catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
        {
            MarkSlow(address);
            LogNodeFailed(address, call.ModelKey, "no answer in time");
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogNodeFailed(address, call.ModelKey, ex.Message);
            return null;
        }
    }

    // Only answers a node signed with its delegated session key are compared: an unsigned answer
    // could not be held against anyone, so it cannot outvote anyone either.
    private bool IsSigned(InferenceCall call, byte[] inputSha, RoutedAnswer answer)
    {
        var digest = InferenceReceipt.Digest(_chainId, call.ModelKey, inputSha, SHA256.HashData(answer.OutputBytes));
        if (InferenceReceipt.Verify(answer.SessionKey, digest, answer.Signature))
        {
            return true;
        }

        LogUnsigned(answer.Node, call.ModelKey);
        return false;
    }

    private static TimeSpan Budget(long ends)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), ends);
        var budget = remaining / 2 < MinAttempt ? remaining : remaining / 2;
        return budget > TimeSpan.Zero ? budget : TimeSpan.FromMilliseconds(1);
    }

    private bool IsSlow(string address) => _slowUntil.TryGetValue(address, out var until) && until > Stopwatch.GetTimestamp();

    private void MarkSlow(string address) => _slowUntil[address] = Stopwatch.GetTimestamp() + (long)(SlowPenalty.TotalSeconds * Stopwatch.Frequency);

    private List<ProviderConnection> Choose(string modelKey, HashSet<string> tried, int count)
    {
        var nodes = directory.Nodes(modelKey);
        if (nodes.IsEmpty)
        {
            return [];
        }

        Span<NodeLoad> loads = nodes.Length <= 64 ? stackalloc NodeLoad[nodes.Length] : new NodeLoad[nodes.Length];
        var anyHealthy = false;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            var healthy = !tried.Contains(node.Address) && !IsSlow(node.Address);
            anyHealthy |= healthy;
            loads[i] = new NodeLoad(i, node.Outstanding, node.PricePer1k, healthy);
        }

        if (!anyHealthy)
        {
            // Every untried node is marked slow: a slow answer beats none.
            for (var i = 0; i < nodes.Length; i++)
            {
                loads[i] = loads[i] with { Healthy = !tried.Contains(nodes[i].Address) };
            }
        }

        return [.. NodeChoice.PickMany(loads, count, Random.Shared).Select(i => nodes[i])];
    }

    private async Task AuditAsync(InferenceCall call, RoutedAnswer first)
    {
        try
        {
            var audit = call with { Timeout = TimeSpan.FromSeconds(10) };
            using var deadline = new CancellationTokenSource(audit.Timeout);
            var ends = Stopwatch.GetTimestamp() + (long)(audit.Timeout.TotalSeconds * Stopwatch.Frequency);
            var inputSha = SHA256.HashData(call.Input.Span);
            if (!IsSigned(call, inputSha, first))
            {
                return;
            }

            var tried = new HashSet<string>(StringComparer.Ordinal) { first.Node };
            var (second, _) = await OneAsync(audit, tried, ends, deadline.Token);
            if (second is null || !IsSigned(call, inputSha, second))
            {
                return;
            }

            var answers = new List<RoutedAnswer> { first, second };
            if (!call.Rule.Agree(first.Output, second.Output, call.Rows))
            {
                // Two answers disagree: a third node decides who was wrong.
                var (third, _) = await OneAsync(audit, tried, ends, deadline.Token);
                if (third is not null && IsSigned(call, inputSha, third))
                {
                    answers.Add(third);
                }
            }

            var outcome = OutputConsensus.Decide([.. answers.Select(a => (ReadOnlyMemory<float>)a.Output)], call.Rows, call.Rule);
            Record(call, "audit", answers, outcome);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAuditFailed(call.ModelKey, ex.Message);
        }
    }

    // The platform re-computes the answer itself: one trusted answer outweighs the node's.
    private async Task VerifyAsync(InferenceCall call, RoutedAnswer answer)
    {
        try
        {
            var inputSha = SHA256.HashData(call.Input.Span);
            if (!IsSigned(call, inputSha, answer) || services.GetService<TrustedVerifier>() is not { } verifier)
            {
                return;
            }

            var expected = await verifier.ComputeAsync(call.Placement!, MemoryMarshal.Cast<byte, float>(call.Input.Span).ToArray(), call.Rows);
            if (expected is null)
            {
                return;
            }

            var agreed = call.Rule.Agree(answer.Output, expected, call.Rows);
            _ = grains.GetGrain<IProviderServingGrain>(answer.Node).RecordInferenceCheckAsync(agreed);
            if (agreed)
            {
                return;
            }

            Interlocked.Increment(ref _disagreements);
            LogDisagreement(call.ModelKey, call.RequestId, "verifier", answer.Node);
            _ = grains.GetGrain<IModelDeploymentGrain>(call.ModelKey).RecordDisagreementAsync(
                new InferenceDisagreement(call.RequestId, "verifier", [TrustedVerifierName], [answer.Node], DateTimeOffset.UtcNow));
            if (services.GetService<IContentStore>() is not { } store)
            {
                return;
            }

            var input = await PutAsync(store, call.Input.ToByteArray());
            var theirs = await PutAsync(store, answer.OutputBytes);
            var ours = await PutAsync(store, MemoryMarshal.AsBytes(expected.AsSpan()).ToArray());
            var evidence = new FraudEvidence("inference-verifier", answer.Node, call.ModelKey, call.RequestId, input, _chainId,
            [
                new SignedAnswer(answer.Node, theirs.Sha256, theirs, Convert.ToHexStringLower(answer.SessionKey), Convert.ToHexStringLower(answer.Signature), false),
                new SignedAnswer(TrustedVerifierName, ours.Sha256, ours, "", "", true),
            ], DateTimeOffset.UtcNow);
            await grains.GetGrain<IFraudCaseGrain>(evidence.Hash()).OpenAsync(evidence);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAuditFailed(call.ModelKey, ex.Message);
        }
    }

    private void Record(InferenceCall call, string kind, List<RoutedAnswer> answers, ConsensusOutcome outcome)
    {
        var majority = outcome.Majority.Select(i => answers[i].Node).ToHashSet(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            _ = grains.GetGrain<IProviderServingGrain>(answer.Node).RecordInferenceCheckAsync(majority.Contains(answer.Node));
        }

        if (outcome.Resolved && outcome.Dissenters.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _disagreements);
        IReadOnlyList<string> dissenters = outcome.Resolved ? [.. outcome.Dissenters.Select(i => answers[i].Node)] : [.. answers.Select(a => a.Node)];
        LogDisagreement(call.ModelKey, call.RequestId, kind, string.Join(",", dissenters));
        _ = grains.GetGrain<IModelDeploymentGrain>(call.ModelKey).RecordDisagreementAsync(
            new InferenceDisagreement(call.RequestId, kind, [.. majority.Order(StringComparer.Ordinal)], dissenters, DateTimeOffset.UtcNow));
        if (outcome.Resolved && majority.Count >= 2)
        {
            // Outvoted by at least two others, every answer signed: proof, not suspicion.
            _ = OpenCasesAsync(call, kind, answers, majority, dissenters);
        }
    }

    private async Task OpenCasesAsync(InferenceCall call, string kind, List<RoutedAnswer> answers, HashSet<string> majority, IReadOnlyList<string> dissenters)
    {
        try
        {
            if (services.GetService<IContentStore>() is not { } store)
            {
                return;
            }

            // The input and every output are stored by hash, so whoever judges a dispute can re-run them.
            var input = await PutAsync(store, call.Input.ToByteArray());
            var signed = new List<SignedAnswer>(answers.Count);
            foreach (var a in answers)
            {
                var output = await PutAsync(store, a.OutputBytes);
                signed.Add(new SignedAnswer(a.Node, output.Sha256, output, Convert.ToHexStringLower(a.SessionKey), Convert.ToHexStringLower(a.Signature), majority.Contains(a.Node)));
            }

            foreach (var provider in dissenters)
            {
                var evidence = new FraudEvidence($"inference-{kind}", provider, call.ModelKey, call.RequestId, input, _chainId, signed, DateTimeOffset.UtcNow);
                await grains.GetGrain<IFraudCaseGrain>(evidence.Hash()).OpenAsync(evidence);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCaseFailed(call.ModelKey, call.RequestId, ex.Message);
        }
    }

    private static async Task<Grains.Interfaces.Storage.ContentReference> PutAsync(IContentStore store, byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await store.PutAsync(content, CancellationToken.None);
    }

    private static InferenceOutcome Failed(string error, CancellationToken caller) =>
        caller.IsCancellationRequested ? new InferenceOutcome(null, 499, "the client went away", 0, 0)
        : error == "the deadline passed" ? new InferenceOutcome(null, 504, error, 0, 0)
        : new InferenceOutcome(null, 503, error, 0, 0);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Node {Address} failed a call for {Model}: {Reason}")]
    private partial void LogNodeFailed(string address, string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Address} answered {Model} without a valid session-key signature; the answer is not compared")]
    private partial void LogUnsigned(string address, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} request {RequestId}: {Kind} disagreement; outvoted: {Dissenters}")]
    private partial void LogDisagreement(string model, string requestId, string kind, string dissenters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit of {Model} failed: {Reason}")]
    private partial void LogAuditFailed(string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} request {RequestId}: the fraud case could not be opened: {Reason}")]
    private partial void LogCaseFailed(string model, string requestId, string reason);
}
