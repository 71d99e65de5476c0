using System.Collections.Concurrent;

namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// An in-memory escrow for <see cref="PayoutBatcher"/> unit tests: it records paid tasks like the
/// contract (a second payment of a task is rejected with TaskAlreadyPaid) and fails on a script.
/// </summary>
internal sealed class FakePayoutSender : IPayoutSender
{
    private readonly ConcurrentDictionary<(Bytes32, Bytes32), int> _payments = new();
    private readonly ConcurrentQueue<Func<PayoutRequest, Exception?>> _script = new();
    private int _payCalls;
    private int _checks;

    /// <summary>Successful payments per task.</summary>
    public int PaymentsOf(PayoutRequest payout) => _payments.GetValueOrDefault(payout.Key);

    public int PayCalls => _payCalls;

    public int Checks => _checks;

    /// <summary>Marks a task paid, as if by another process.</summary>
    public void MarkPaid(PayoutRequest payout) => _payments[payout.Key] = 1;

    /// <summary>The next PayAsync call behaves as scripted: throw what the function returns (null: pay normally).</summary>
    public void Then(Func<PayoutRequest, Exception?> step) => _script.Enqueue(step);

    /// <summary>The next PayAsync call pays, then loses its answer with <paramref name="error"/>.</summary>
    public void ThenPayButLoseTheAnswer(Exception error) => _script.Enqueue(payout =>
    {
        Pay(payout);
        return error;
    });

    public Task<bool> IsPaidAsync(PayoutRequest payout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        return Task.FromResult(_payments.ContainsKey(payout.Key));
    }

    public async Task<string> PayAsync(PayoutRequest payout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _payCalls);
        await Task.Yield();
        if (_script.TryDequeue(out var step) && step(payout) is { } error)
        {
            throw error;
        }

        Pay(payout);
        return "0x" + payout.TaskId.ToString()[2..];
    }

    private void Pay(PayoutRequest payout)
    {
        if (!_payments.TryAdd(payout.Key, 1))
        {
            throw new SettlementException("releasePayment would revert: TaskAlreadyPaid") { ErrorName = "TaskAlreadyPaid" };
        }
    }
}
