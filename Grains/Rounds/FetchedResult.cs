namespace OrleansAI.Grains.Rounds;

/// <summary>
/// One result blob as aggregation fetched it: its bytes, or why it could not be used (gone, or no
/// longer the bytes its provider signed). An unusable blob counts as its provider's failure, with
/// <see cref="Problem"/> as the reason.
/// </summary>
/// <param name="Content">The verified bytes; empty when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the blob could not be used, or null.</param>
internal sealed record FetchedResult(byte[] Content, string? Problem);
