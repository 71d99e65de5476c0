using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using OrleansAI.Api.Gateway;
using OrleansAI.Federation.Verification;
using OrleansAI.Grains.Interfaces.Inference;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Inference.Routing;
using OrleansAI.Protocol;

namespace OrleansAI.Api.Inference;

/// <summary>
/// Runs inference calls: on the nodes connected to this Api first, picked by least outstanding calls
/// (two random choices when many), then price; when none of those can answer, on nodes connected to
/// other Api instances, relayed through their provider grains. Retries on another node when one
/// fails, closes or is too slow, within the call's deadline; runs on k nodes and returns the majority
/// when asked; re-runs a share of answers on another node as an audit. Every disagreement is
/// recorded against the nodes.
/// </summary>
public sealed partial class InferenceRouter(ServingDirectory directory, IGrainFactory grains, ILogger<InferenceRouter> logger)
{
    /// <summary>How long a node that timed out is passed over.</summary>
    public static readonly TimeSpan SlowPenalty = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time one attempt is given before the router tries another node.</summary>
    public static readonly TimeSpan MinAttempt = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, long> _slowUntil = new(StringComparer.Ordinal);
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
            var (output, node, error) = await OneAsync(call, tried, ends, deadline.Token);
            if (output is null)
            {
                return Failed(error!, cancellationToken);
            }

            if (call.AuditRate > 0 && Random.Shared.NextDouble() < call.AuditRate)
            {
                Interlocked.Increment(ref _audits);
                _ = AuditAsync(call, node!, output);
            }

            return new InferenceOutcome(output, 200, null, 1, 1);
        }

        return await ReplicatedAsync(call, ends, deadline.Token, cancellationToken);
    }

    private async Task<InferenceOutcome> ReplicatedAsync(InferenceCall call, long ends, CancellationToken deadline, CancellationToken caller)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var chosen = Choose(call.ModelKey, tried, call.Replication);
        tried.UnionWith(chosen.Select(n => n.Address));
        var answers = new List<(string Node, float[] Output)>();
        var runs = chosen.Select(async n => (Node: n.Address, Result: await AttemptAsync(call, n, ends, deadline))).ToList();
        foreach (var run in runs)
        {
            var (node, result) = await run;
            if (result is not null)
            {
                answers.Add((node, result));
            }
        }

        // Replace the nodes that failed, one at a time, while time and nodes last.
        while (answers.Count < call.Replication && !deadline.IsCancellationRequested)
        {
            var (output, node, _) = await OneAsync(call, tried, ends, deadline);
            if (output is null)
            {
                break;
            }

            answers.Add((node!, output));
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
                Record(call, "replication", [.. answers.Select(a => a.Node)], outcome);
                return new InferenceOutcome(answers[outcome.Winner!.Value].Output, 200, null, answers.Count, outcome.Majority.Count);
            }

            // No majority (two nodes disagreeing): ask one more node to break the tie.
            var (extra, extraNode, _) = await OneAsync(call, tried, ends, deadline);
            if (extra is null)
            {
                Record(call, "replication", [.. answers.Select(a => a.Node)], outcome);
                return new InferenceOutcome(null, 502, "the nodes disagreed and no majority formed", answers.Count, 0);
            }

            answers.Add((extraNode!, extra));
        }
    }

    private async Task<(float[]? Output, string? Node, string? Error)> OneAsync(InferenceCall call, HashSet<string> tried, long ends, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested)
        {
            var picked = Choose(call.ModelKey, tried, 1);
            if (picked.Count > 0)
            {
                tried.Add(picked[0].Address);
                if (await AttemptAsync(call, picked[0], ends, deadline) is { } output)
                {
                    return (output, picked[0].Address, null);
                }

                continue;
            }

            // No local node can answer: nodes connected to other Api instances, through their grains.
            var remote = call.RemoteNodes.Where(a => !tried.Contains(a) && !IsSlow(a)).ToList();
            if (remote.Count == 0)
            {
                return (null, null, tried.Count == 0 ? "no node serves the model" : "every node serving the model failed");
            }

            var address = remote[Random.Shared.Next(remote.Count)];
            tried.Add(address);
            if (await AttemptRemoteAsync(call, address, ends, deadline) is { } relayed)
            {
                return (relayed, address, null);
            }
        }

        return (null, null, "the deadline passed");
    }

    private async Task<float[]?> AttemptRemoteAsync(InferenceCall call, string address, long ends, CancellationToken deadline)
    {
        var budget = Budget(ends);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        attempt.CancelAfter(budget);
        try
        {
            var answer = await grains.GetGrain<IProviderGrain>(address)
                .InferAsync(new InferenceRequest(call.ModelKey, call.Input.ToByteArray(), call.Rows, DateTimeOffset.UtcNow + budget))
                .WaitAsync(attempt.Token);
            var expected = (long)call.Rows * call.OutputWidth * sizeof(float);
            if (answer.Output is { } output && output.LongLength == expected)
            {
                return MemoryMarshal.Cast<byte, float>(output).ToArray();
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

    private static TimeSpan Budget(long ends)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), ends);
        var budget = remaining / 2 < MinAttempt ? remaining : remaining / 2;
        return budget > TimeSpan.Zero ? budget : TimeSpan.FromMilliseconds(1);
    }

    private bool IsSlow(string address) => _slowUntil.TryGetValue(address, out var until) && until > Stopwatch.GetTimestamp();

    private void MarkSlow(string address) => _slowUntil[address] = Stopwatch.GetTimestamp() + (long)(SlowPenalty.TotalSeconds * Stopwatch.Frequency);

    private async Task<float[]?> AttemptAsync(InferenceCall call, ProviderConnection node, long ends, CancellationToken deadline)
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
                return MemoryMarshal.Cast<byte, float>(reply.Output.Span).ToArray();
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

    private async Task AuditAsync(InferenceCall call, string first, float[] answer)
    {
        try
        {
            var audit = call with { Timeout = TimeSpan.FromSeconds(10) };
            using var deadline = new CancellationTokenSource(audit.Timeout);
            var ends = Stopwatch.GetTimestamp() + (long)(audit.Timeout.TotalSeconds * Stopwatch.Frequency);
            var tried = new HashSet<string>(StringComparer.Ordinal) { first };
            var (second, secondNode, _) = await OneAsync(audit, tried, ends, deadline.Token);
            if (second is null)
            {
                return;
            }

            var answers = new List<(string Node, float[] Output)> { (first, answer), (secondNode!, second) };
            if (!call.Rule.Agree(answer, second, call.Rows))
            {
                // Two answers disagree: a third node decides which one was wrong.
                var (third, thirdNode, _) = await OneAsync(audit, tried, ends, deadline.Token);
                if (third is not null)
                {
                    answers.Add((thirdNode!, third));
                }
            }

            var outcome = OutputConsensus.Decide([.. answers.Select(a => (ReadOnlyMemory<float>)a.Output)], call.Rows, call.Rule);
            Record(call, "audit", [.. answers.Select(a => a.Node)], outcome);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAuditFailed(call.ModelKey, ex.Message);
        }
    }

    private void Record(InferenceCall call, string kind, IReadOnlyList<string> nodes, ConsensusOutcome outcome)
    {
        var majority = outcome.Majority.Select(i => nodes[i]).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            _ = grains.GetGrain<IProviderGrain>(node).RecordInferenceCheckAsync(majority.Contains(node));
        }

        if (outcome.Resolved && outcome.Dissenters.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _disagreements);
        IReadOnlyList<string> dissenters = outcome.Resolved ? [.. outcome.Dissenters.Select(i => nodes[i])] : nodes;
        LogDisagreement(call.ModelKey, call.RequestId, kind, string.Join(",", dissenters));
        _ = grains.GetGrain<IModelDeploymentGrain>(call.ModelKey).RecordDisagreementAsync(
            new InferenceDisagreement(call.RequestId, kind, [.. majority.Order(StringComparer.Ordinal)], dissenters, DateTimeOffset.UtcNow));
    }

    private static InferenceOutcome Failed(string error, CancellationToken caller) =>
        caller.IsCancellationRequested ? new InferenceOutcome(null, 499, "the client went away", 0, 0)
        : error == "the deadline passed" ? new InferenceOutcome(null, 504, error, 0, 0)
        : new InferenceOutcome(null, 503, error, 0, 0);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Node {Address} failed a call for {Model}: {Reason}")]
    private partial void LogNodeFailed(string address, string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} request {RequestId}: {Kind} disagreement; outvoted: {Dissenters}")]
    private partial void LogDisagreement(string model, string requestId, string kind, string dissenters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit of {Model} failed: {Reason}")]
    private partial void LogAuditFailed(string model, string reason);
}
