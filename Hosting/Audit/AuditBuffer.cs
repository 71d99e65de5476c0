using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Audit;

/// <summary>
/// Events waiting to be written, identical ones folded into one record with a count: an inference
/// burst of a million calls from one caller becomes one row per flush, not a million. Pure: the
/// caller supplies the time and decides when to drain.
/// </summary>
public sealed class AuditBuffer(int maxDistinct = AuditBuffer.DefaultMaxDistinct)
{
    /// <summary>Distinct records held before new kinds of events fold into coarser ones.</summary>
    public const int DefaultMaxDistinct = 50_000;

    /// <summary>The source recorded once the buffer is full and new sources can no longer be told apart.</summary>
    public const string ManySources = "(many)";

    private readonly Dictionary<AuditEvent, (DateTimeOffset First, DateTimeOffset Last, long Count)> _pending = [];

    /// <summary>Distinct records waiting.</summary>
    public int Count => _pending.Count;

    /// <summary>Adds one event that happened at <paramref name="at"/>.</summary>
    public void Add(AuditEvent entry, DateTimeOffset at) => Add(entry, at, at, 1);

    /// <summary>Adds <paramref name="count"/> events seen between <paramref name="first"/> and <paramref name="last"/> (a failed write put back).</summary>
    public void Add(AuditEvent entry, DateTimeOffset first, DateTimeOffset last, long count)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!_pending.ContainsKey(entry) && _pending.Count >= maxDistinct)
        {
            // Nothing is dropped: past the bound, a new event loses its source and detail instead,
            // so the buffer's size is bounded by actors × actions × resources, not by the traffic.
            entry = entry with { Source = ManySources, Detail = null };
        }

        _pending[entry] = _pending.TryGetValue(entry, out var seen)
            ? (first < seen.First ? first : seen.First, last > seen.Last ? last : seen.Last, seen.Count + count)
            : (first, last, count);
    }

    /// <summary>Takes every waiting record, oldest first; a record's count is split when it passes <see cref="int.MaxValue"/>.</summary>
    public IReadOnlyList<AuditRecord> Drain()
    {
        var records = new List<AuditRecord>(_pending.Count);
        foreach (var (entry, (first, last, count)) in _pending.OrderBy(p => p.Value.First))
        {
            for (var left = count; left > 0; left -= int.MaxValue)
            {
                records.Add(new AuditRecord(0, first, last, (int)Math.Min(left, int.MaxValue), entry));
            }
        }

        _pending.Clear();
        return records;
    }
}
