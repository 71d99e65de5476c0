namespace OrleansAI.Api.Gateway;

/// <summary>
/// After each chain-mirror poll, ends the sessions of providers whose active stake fell below the
/// minimum (they unbonded or were slashed), so standing is not only checked at sign-in.
/// </summary>
public sealed partial class StakeFollower(ChainMirror mirror, StakeGate gate, LiveProviders live, ILogger<StakeFollower> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        mirror.Follow(() => FollowAsync());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Closes the streams the mirror's stakes no longer admit; how many.</summary>
    public async Task<int> FollowAsync()
    {
        var closed = await live.CloseRefusedAsync(gate.MirroredRefusalAsync);
        if (closed > 0)
        {
            LogClosed(closed);
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} provider stream(s) closed: stake below the minimum")]
    private partial void LogClosed(int count);
}
