namespace OrleansAI.Grains.Providers;

/// <summary>Stored state of a <see cref="ProviderSignInGrain"/>: spent nonces and the sign-ins kept as evidence.</summary>
[GenerateSerializer, Alias("OrleansAI.ProviderSignInState")]
public sealed class ProviderSignInState
{
    /// <summary>The latest sign-ins that delegated a session key, oldest first.</summary>
    [Id(0)] public List<ProviderSession> Sessions { get; set; } = [];

    /// <summary>Nonces spent by logins, until they expire.</summary>
    [Id(1)] public List<SpentNonce> SpentNonces { get; set; } = [];
}
