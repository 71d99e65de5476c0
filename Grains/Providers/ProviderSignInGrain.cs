namespace OrleansAI.Grains.Providers;

/// <summary>
/// A provider's sign-in: see <see cref="IProviderSignInGrain"/>. Challenges live in memory only (a
/// restart just means signing in again); delegations are persisted as evidence.
/// </summary>
public sealed class ProviderSignInGrain(
    [PersistentState("signin", "Default")] IPersistentState<ProviderSignInState> state,
    TimeProvider clock) : Grain, IProviderSignInGrain
{
    /// <summary>Outstanding sign-in challenges kept per provider; older ones are forgotten.</summary>
    public const int MaxChallenges = 4;

    /// <summary>Sign-ins with session keys kept as evidence.</summary>
    public const int SessionsKept = 8;

    private readonly List<(string Nonce, DateTimeOffset Issued, DateTimeOffset Expires, string SessionKey)> _challenges = [];

    /// <inheritdoc />
    public Task IssueChallengeAsync(string nonce, DateTimeOffset issuedUtc, DateTimeOffset expiresUtc, string sessionKey)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var now = clock.GetUtcNow();
        _challenges.RemoveAll(c => c.Expires <= now);
        if (_challenges.Count >= MaxChallenges)
        {
            _challenges.RemoveAt(0);
        }

        _challenges.Add((nonce, issuedUtc, expiresUtc, sessionKey));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(DateTimeOffset Issued, DateTimeOffset Expires, string SessionKey)?> ConsumeChallengeAsync(string nonce)
    {
        var index = _challenges.FindIndex(c => c.Nonce == nonce);
        if (index < 0)
        {
            return Task.FromResult<(DateTimeOffset, DateTimeOffset, string)?>(null);
        }

        var challenge = _challenges[index];
        _challenges.RemoveAt(index);
        return Task.FromResult<(DateTimeOffset, DateTimeOffset, string)?>(
            challenge.Expires > clock.GetUtcNow() ? (challenge.Issued, challenge.Expires, challenge.SessionKey) : null);
    }

    /// <inheritdoc />
    public async Task RecordSessionAsync(ProviderSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (state.State.Sessions.Any(s => s.SessionKey == session.SessionKey))
        {
            return;
        }

        state.State.Sessions.Add(session);
        if (state.State.Sessions.Count > SessionsKept)
        {
            state.State.Sessions.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }
}
