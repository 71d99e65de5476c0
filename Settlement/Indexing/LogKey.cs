namespace OrleansAI.Settlement.Indexing;

/// <summary>Where a log sits in the chain: its block and its index in that block; the indexer's idempotency key.</summary>
/// <param name="Block">Block number.</param>
/// <param name="Index">Log index within the block.</param>
public readonly record struct LogKey(ulong Block, ulong Index) : IComparable<LogKey>
{
    /// <summary>Chain order: by block, then by index.</summary>
    public int CompareTo(LogKey other) => Block != other.Block ? Block.CompareTo(other.Block) : Index.CompareTo(other.Index);

    /// <summary>Chain order.</summary>
    public static bool operator <(LogKey left, LogKey right) => left.CompareTo(right) < 0;

    /// <summary>Chain order.</summary>
    public static bool operator >(LogKey left, LogKey right) => left.CompareTo(right) > 0;

    /// <summary>Chain order.</summary>
    public static bool operator <=(LogKey left, LogKey right) => left.CompareTo(right) <= 0;

    /// <summary>Chain order.</summary>
    public static bool operator >=(LogKey left, LogKey right) => left.CompareTo(right) >= 0;
}
