using OrleansAI.Settlement.Indexing;

namespace OrleansAI.Api.Chain;

/// <summary>
/// Keeps the platform's view of the chain current: polls the contracts' events into the indexer's
/// mirrors (stakes, escrows, model owners and licences) every <see cref="Interval"/>, so the API
/// and the gateway read them from memory instead of asking the chain per request.
/// </summary>
public sealed partial class ChainMirror(ChainIndexer indexer, IGrainFactory grains, TimeProvider clock, ILogger<ChainMirror> logger) : BackgroundService
{
    /// <summary>Time between polls.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    // Cases whose slash changed on chain but could not be told yet (the cluster was unreachable).
    private readonly List<string> _casesToRefresh = [];
    private DateTimeOffset? _lastPoll;
    private string? _lastError;
    // Swapped whole: a follower registers while the poll loop may already be running.
    private System.Collections.Immutable.ImmutableArray<Func<Task>> _followers = [];

    /// <summary>The indexer and its mirrors.</summary>
    public ChainIndexer Indexer => indexer;

    /// <summary>When the last poll succeeded.</summary>
    public DateTimeOffset? LastPollUtc => _lastPoll;

    /// <summary>Why the last poll failed, or null.</summary>
    public string? LastError => _lastError;

    /// <summary>Whether the mirrors have caught up with the chain once and the last poll succeeded.</summary>
    public bool Synced => _lastPoll is not null && _lastError is null;

    /// <summary>
    /// Adds what runs after each successful poll, in order, so what follows the chain (sessions of
    /// providers whose stake fell below the minimum) catches up within the poll that saw the change.
    /// </summary>
    public void Follow(Func<Task> follower) =>
        System.Collections.Immutable.ImmutableInterlocked.Update(ref _followers, f => f.Add(follower));

    /// <summary>Polls once now (the background loop does this every interval).</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await indexer.PollAsync(cancellationToken);
            _lastPoll = clock.GetUtcNow();
            _lastError = null;
            await RefreshCasesAsync();
            foreach (var follower in _followers)
            {
                await follower();
            }

            return applied;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The chain may be down or restarting: keep the mirrors as they are and try again.
            if (_lastError != ex.Message)
            {
                LogPollFailed(ex.Message);
            }

            _lastError = ex.Message;
            return 0;
        }
    }

    /// <summary>
    /// Tells each fraud case whose slash a provider disputed (or anyone finalised) on chain to look
    /// again, so operators see a dispute as soon as the chain has it; a case not reached stays
    /// queued for the next poll.
    /// </summary>
    private async Task RefreshCasesAsync()
    {
        _casesToRefresh.AddRange(indexer.TakeSlashChanges().Select(h => h.ToString()[2..]).Where(id => !_casesToRefresh.Contains(id)));
        for (var i = 0; i < _casesToRefresh.Count;)
        {
            try
            {
                await grains.GetGrain<IFraudCaseGrain>(_casesToRefresh[i]).RefreshAsync();
                _casesToRefresh.RemoveAt(i);
            }
#pragma warning disable CA1031 // Any failure to reach the cluster leaves the case queued; the chain keeps the truth.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCaseRefreshFailed(_casesToRefresh[i], ex.Message);
                i++;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {CaseId} changed on chain but could not be refreshed yet: {Reason}")]
    private partial void LogCaseRefreshFailed(string caseId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain indexer poll failed: {Reason}")]
    private partial void LogPollFailed(string reason);
}
