namespace OrleansAI.Grains.Providers;

/// <summary>
/// A provider's sign-in: see <see cref="IProviderSignInGrain"/>. Spent nonces and delegations are
/// persisted: a nonce must stay spent across a restart within its lifetime.
/// </summary>
public sealed class ProviderSignInGrain(
    [PersistentState("signin", "Default")] IPersistentState<ProviderSignInState> state,
    TimeProvider clock) : Grain, IProviderSignInGrain
{
    /// <summary>
    /// Unexpired spent nonces a provider may hold: a login a second for the longest challenge
    /// lifetime is far beyond what an honest node does, and the list stays small in storage.
    /// </summary>
    public const int MaxSpentNonces = 64;

    /// <summary>Sign-ins with session keys kept as evidence.</summary>
    public const int SessionsKept = 8;

    /// <inheritdoc />
    public async Task<bool> SpendNonceAsync(string nonce, DateTimeOffset expiresUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var now = clock.GetUtcNow();
        var spent = state.State.SpentNonces;
        var pruned = spent.RemoveAll(n => n.ExpiresUtc <= now);
        if (expiresUtc <= now || spent.Exists(n => n.Nonce == nonce) || spent.Count >= MaxSpentNonces)
        {
            if (pruned > 0)
            {
                await state.WriteStateAsync();
            }

            return false;
        }

        spent.Add(new SpentNonce(nonce, expiresUtc));
        await state.WriteStateAsync();
        return true;
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
