namespace OrleansAI.Grains.Rounds;

/// <summary>
/// One per silo (a singleton service): the bound every round's early result reads share, on the store
/// (reads at once) and on memory (bytes held while rounds collect). Past the memory budget a round
/// simply reads the rest when it closes.
/// </summary>
public sealed class RoundReadBudget
{
    /// <summary>Result bytes all rounds of a silo keep in memory while they collect, by default.</summary>
    public const long DefaultBytes = 512L << 20;

    private long _held;

    /// <summary>A budget of <paramref name="bytes"/> held at once and <paramref name="concurrentReads"/> reads at once.</summary>
    public RoundReadBudget(long bytes = DefaultBytes, int concurrentReads = 2 * ResultReads.ConcurrentReads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrentReads);
        Bytes = bytes;
        Gate = new SemaphoreSlim(concurrentReads);
    }

    /// <summary>The memory budget in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Bytes held now.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>Bounds the reads in flight across the silo.</summary>
    public SemaphoreSlim Gate { get; }

    /// <summary>Takes <paramref name="bytes"/> from the budget; false (and nothing taken) when they do not fit.</summary>
    public bool TryReserve(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (Interlocked.Add(ref _held, bytes) <= Bytes)
        {
            return true;
        }

        Interlocked.Add(ref _held, -bytes);
        return false;
    }

    /// <summary>Gives back <paramref name="bytes"/> taken earlier.</summary>
    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Add(ref _held, -bytes);
    }
}
