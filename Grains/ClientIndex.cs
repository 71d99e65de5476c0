namespace OrleansAI.Grains;

/// <summary>The bounded, append-only list of names a per-client index grain keeps (its jobs, its models).</summary>
internal static class ClientIndex
{
    /// <summary>
    /// Adds <paramref name="item"/> unless it is there already; true when the list changed (and must be
    /// written). Past <paramref name="max"/> entries a new one is refused.
    /// </summary>
    public static bool Add(List<string> items, string item, int max, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(item);
        if (items.Contains(item))
        {
            return false;
        }

        if (items.Count >= max)
        {
            throw new InvalidOperationException($"A client may have at most {max} {what}.");
        }

        items.Add(item);
        return true;
    }
}
