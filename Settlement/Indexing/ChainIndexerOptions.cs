namespace OrleansAI.Settlement.Indexing;

/// <summary>How a <see cref="ChainIndexer"/> reads the chain.</summary>
public sealed class ChainIndexerOptions
{
    /// <summary>Most blocks per <c>eth_getLogs</c> call; public nodes cap the range (often at 1,000–10,000).</summary>
    public ulong MaxBlockRange { get; init; } = 2_000;

    /// <summary>
    /// Blocks to stay behind the head. 0 suits Anvil; on a chain that can reorganise, index only
    /// blocks this deep so a mirrored event is not undone later.
    /// </summary>
    public ulong Confirmations { get; init; }
}
