using OrleansAI.Grains.Settlement;

namespace OrleansAI.Grains.Providers;

/// <inheritdoc cref="IRewardsReputationGrain" />
public sealed partial class RewardsReputationGrain(
    [PersistentState("rewards", "Default")] IPersistentState<RewardsReputationState> state,
    ILogger<RewardsReputationGrain> logger,
    IRewardsPublisher? rewards = null) : Grain, IRewardsReputationGrain
{
    /// <summary>How often waiting multipliers are sent.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(10);

    /// <summary>Most transactions one batch sends; the rest wait for the next.</summary>
    public const int BatchSize = 50;

    // The contract's value for a provider it was never told about: 1×.
    private const int Unset = 10_000;

    private IGrainTimer? _flush;
    private bool _flushing;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending.Count > 0)
        {
            ArmFlush();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task NoteAsync(string provider, int multiplierBps)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        var onChain = state.State.Published.GetValueOrDefault(provider, Unset);
        var changed = Math.Abs(multiplierBps - onChain) >= IRewardsReputationGrain.MinChangeBps;
        var waiting = state.State.Pending.TryGetValue(provider, out var pending);
        if (!changed && !waiting || changed && waiting && pending == multiplierBps)
        {
            return;
        }

        if (changed)
        {
            state.State.Pending[provider] = multiplierBps;
        }
        else
        {
            // Back near what the chain holds: nothing to send after all.
            state.State.Pending.Remove(provider);
        }

        await state.WriteStateAsync();
        ArmFlush();
    }

    /// <inheritdoc />
    public async Task<int> FlushAsync()
    {
        if (_flushing || state.State.Pending.Count == 0 || rewards is not { } publisher)
        {
            return 0;
        }

        _flushing = true;
        var sent = 0;
        try
        {
            foreach (var (provider, bps) in state.State.Pending.OrderBy(p => p.Key, StringComparer.Ordinal).Take(BatchSize).ToList())
            {
                try
                {
                    if (await publisher.PublishAsync(provider, bps, CancellationToken.None))
                    {
                        state.State.Published[provider] = bps;
                        sent++;
                    }
                    else
                    {
                        LogRefused(provider, bps);
                    }

                    state.State.Pending.Remove(provider);
                }
#pragma warning disable CA1031 // The chain being unreachable is transient here: the value stays and the next batch tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogRetry(ex, provider);
                    break;
                }
            }

            await state.WriteStateAsync();
        }
        finally
        {
            _flushing = false;
        }

        return sent;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> PublishedAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(state.State.Published, StringComparer.Ordinal));

    private void ArmFlush() =>
        _flush ??= this.RegisterGrainTimer(async _ =>
        {
            await FlushAsync();
            if (state.State.Pending.Count == 0)
            {
                _flush?.Dispose();
                _flush = null;
            }
        }, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { KeepAlive = true });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chain refused reward multiplier {Bps} bps for {Provider}; dropped")]
    private partial void LogRefused(string provider, int bps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the reward multiplier of {Provider} now; the next batch tries again")]
    private partial void LogRetry(Exception exception, string provider);
}
