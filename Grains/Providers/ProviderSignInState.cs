namespace OrleansAI.Grains.Providers;

/// <summary>Stored state of a <see cref="ProviderSignInGrain"/>: the sign-ins kept as evidence (challenges are memory only).</summary>
[GenerateSerializer, Alias("OrleansAI.ProviderSignInState")]
public sealed class ProviderSignInState
{
    /// <summary>The latest sign-ins that delegated a session key, oldest first.</summary>
    [Id(0)] public List<ProviderSession> Sessions { get; set; } = [];
}
