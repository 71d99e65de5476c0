namespace OrleansAI.Settlement.Payouts;

/// <summary>
/// Queues task payouts and releases them from the escrow, each task at most once.
/// </summary>
/// <remarks>
/// <para>
/// Idempotency rests on the escrow, not on this object's memory: before every attempt the batcher
/// asks the escrow whether the task is paid (<c>taskPaid</c>) and skips it if so, and the escrow
/// itself rejects a second payment of a task (<c>TaskAlreadyPaid</c>), which is reported as
/// <see cref="PayoutStatus.AlreadyPaid"/> rather than as a failure. So a task enqueued twice, retried
/// after a lost answer, or re-enqueued by a new process after a crash is paid once. Within one
/// batcher a task is also queued once (by job and task id) and remembered once settled.
/// </para>
/// <para>
/// A flush sends up to <see cref="PayoutBatcherOptions.MaxConcurrency"/> payouts at once from one
/// signer (its nonce service keeps their nonces consecutive), checks every receipt, retries transport
/// failures with exponential backoff, and reports one <see cref="PayoutOutcome"/> per payout.
/// Flushes run one at a time; a payout enqueued during a flush waits for the next one.
/// </para>
/// </remarks>
public sealed class PayoutBatcher
{
    private const string TaskAlreadyPaid = "TaskAlreadyPaid";

    private readonly IPayoutSender _sender;
    private readonly PayoutBatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<(Bytes32 JobId, Bytes32 TaskId), PayoutRequest> _queued = [];
    private readonly HashSet<(Bytes32 JobId, Bytes32 TaskId)> _settled = [];
    private Task _lastFlush = Task.CompletedTask;

    /// <summary>Creates a batcher over <paramref name="sender"/>.</summary>
    public PayoutBatcher(IPayoutSender sender, PayoutBatcherOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        _sender = sender;
        _options = options ?? new PayoutBatcherOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrency, 1, nameof(options));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Payouts waiting for a flush (including those deferred by the last one).</summary>
    public IReadOnlyList<PayoutRequest> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _queued.Values];
            }
        }
    }

    /// <summary>Queues a payout unless its task is already queued or settled here.</summary>
    /// <exception cref="ArgumentException">The payout is malformed (zero ids, bad provider, amount ≤ 0).</exception>
    public PayoutEnqueueResult Enqueue(PayoutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        lock (_gate)
        {
            if (_settled.Contains(request.Key))
            {
                return PayoutEnqueueResult.AlreadySettled;
            }

            if (_queued.TryGetValue(request.Key, out var existing))
            {
                return existing.SamePaymentAs(request) ? PayoutEnqueueResult.AlreadyQueued : PayoutEnqueueResult.Conflict;
            }

            _queued.Add(request.Key, request);
            return PayoutEnqueueResult.Queued;
        }
    }

    /// <summary>
    /// Sends every queued payout and reports what became of each, in queue order. Paid and
    /// already-paid payouts leave the queue for good, rejected ones leave it, deferred ones stay.
    /// </summary>
    /// <remarks>
    /// On cancellation the payouts already settled are recorded and the rest stay queued; a payout
    /// whose transaction was sent but not yet confirmed is found paid by the next flush.
    /// </remarks>
    public async Task<IReadOnlyList<PayoutOutcome>> FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _lastFlush;
            _lastFlush = done.Task;
        }

        try
        {
            // The previous flush reported its own outcome (or failure) to its caller.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return await FlushQueuedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            done.SetResult();
        }
    }

    private async Task<IReadOnlyList<PayoutOutcome>> FlushQueuedAsync(CancellationToken cancellationToken)
    {
        PayoutRequest[] batch;
        lock (_gate)
        {
            batch = [.. _queued.Values];
        }

        var outcomes = new PayoutOutcome[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length), parallel, async (index, token) =>
        {
            var outcome = await ProcessAsync(batch[index], token).ConfigureAwait(false);
            outcomes[index] = outcome;
            Record(outcome);
        }).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<PayoutOutcome> ProcessAsync(PayoutRequest request, CancellationToken cancellationToken)
    {
        Exception? lastTransient = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            try
            {
                // Checked before every attempt: an earlier attempt may have landed although its
                // answer was lost (a timeout waiting for the receipt, a dropped connection).
                if (await _sender.IsPaidAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    var detail = attempt == 1 ? "already paid on chain" : "paid on chain by an earlier attempt whose answer was lost";
                    return new PayoutOutcome(request, PayoutStatus.AlreadyPaid, null, null, detail, attempt);
                }

                var hash = await _sender.PayAsync(request, cancellationToken).ConfigureAwait(false);
                return new PayoutOutcome(request, PayoutStatus.Paid, hash, null, null, attempt);
            }
            catch (SettlementException ex) when (ex.ErrorName == TaskAlreadyPaid)
            {
                // Another payment of the task landed between the check and this one (another
                // process, or a transaction of ours still pending when the check ran).
                return new PayoutOutcome(request, PayoutStatus.AlreadyPaid, ex.TransactionHash, ex.ErrorName, ex.Message, attempt);
            }
            catch (SettlementException ex)
            {
                return new PayoutOutcome(request, PayoutStatus.Failed, ex.TransactionHash, ex.ErrorName, ex.Message, attempt);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TransientFailures.IsTransient(ex))
            {
                lastTransient = ex;
                if (attempt < _options.MaxAttempts)
                {
                    await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return new PayoutOutcome(request, PayoutStatus.Failed, null, null, $"{ex.GetType().Name}: {ex.Message}", attempt);
            }
        }

        return new PayoutOutcome(
            request, PayoutStatus.Deferred, null, null, $"{lastTransient?.GetType().Name}: {lastTransient?.Message}", _options.MaxAttempts);
    }

    private void Record(PayoutOutcome outcome)
    {
        lock (_gate)
        {
            switch (outcome.Status)
            {
                case PayoutStatus.Paid or PayoutStatus.AlreadyPaid:
                    _queued.Remove(outcome.Request.Key);
                    _settled.Add(outcome.Request.Key);
                    break;
                case PayoutStatus.Failed:
                    _queued.Remove(outcome.Request.Key);
                    break;
                case PayoutStatus.Deferred:
                    break;
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = _options.InitialBackoff.Ticks * Math.Pow(2, attempt - 1);
        return ticks >= _options.MaxBackoff.Ticks ? _options.MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
