namespace OrleansAI.Sdk.Chain;

/// <summary>The chain mirror's state.</summary>
/// <param name="Synced">Whether the last poll succeeded.</param>
/// <param name="NextBlock">Every event below this block is reflected.</param>
/// <param name="EventsApplied">Events applied since the Api started.</param>
/// <param name="LastPollUtc">When the last poll succeeded.</param>
/// <param name="LastError">Why the last poll failed.</param>
/// <param name="StakedProviders">Providers with an active stake.</param>
/// <param name="TotalActiveStake">Sum of active stakes (wei).</param>
/// <param name="Escrows">Escrows posted.</param>
/// <param name="Models">Model versions registered on chain.</param>
public sealed record ChainStatusView(bool Synced, ulong NextBlock, long EventsApplied, DateTimeOffset? LastPollUtc, string? LastError, int StakedProviders, string TotalActiveStake, int Escrows, int Models);
