namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// One provider, keyed by its canonical Ethereum address: its one live connection and its record.
/// The provider's other concerns are roles of the same grain, each an interface of its own so a
/// caller depends only on the one it uses: its tasks (<see cref="IProviderWorkGrain"/>), the models
/// placed on it (<see cref="IProviderServingGrain"/>), and what counts for and against it
/// (<see cref="IProviderStandingGrain"/>). Sign-in lives apart, in <see cref="IProviderSignInGrain"/>.
/// </summary>
[Alias("OrleansAI.IProviderGrain")]
public interface IProviderGrain : IProviderWorkGrain, IProviderServingGrain, IProviderStandingGrain
{
    /// <summary>
    /// Attaches a live connection (replacing and closing any older one), records the declared
    /// capabilities, lists the provider for sampling and re-sends its unanswered tasks.
    /// </summary>
    [Alias("Connect")]
    Task<ProviderSnapshot> ConnectAsync(Guid connectionId, ProviderCapabilities capabilities, ITaskChannel channel);

    /// <summary>Keeps the connection alive; false means this connection is not the attached one and must reattach.</summary>
    [Alias("Heartbeat")]
    Task<bool> HeartbeatAsync(Guid connectionId);

    /// <summary>Detaches the connection if it is still the attached one.</summary>
    [Alias("Disconnect")]
    Task DisconnectAsync(Guid connectionId);

    /// <summary>The provider's record.</summary>
    [Alias("Get")]
    Task<ProviderSnapshot> GetAsync();
}
