using System.Numerics.Tensors;

namespace OrleansAI.Federation;

/// <summary>
/// The checks every update passes before any strategy sees it: the right length, only finite
/// values, a positive example count, one update per client. Updates come from untrusted
/// providers; a bad one is refused with a reason and never reaches the model.
/// </summary>
public static class UpdateScreen
{
    /// <summary>
    /// Splits <paramref name="results"/> into usable updates and refused ones. With
    /// <paramref name="scanValues"/> false the values are not scanned for NaN or infinity; only a
    /// caller whose arithmetic is sure to carry such values into its result may skip it, and must
    /// then check the result (see <see cref="FindNonFinite"/>).
    /// </summary>
    public static (IReadOnlyList<ClientUpdate> Valid, List<RejectedUpdate> Rejected) Screen(int length, IReadOnlyList<ClientUpdate> results, bool scanValues = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        var valid = new List<ClientUpdate>(results.Count);
        var rejected = new List<RejectedUpdate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var update in results)
        {
            if (update?.Parameters is null)
            {
                rejected.Add(new RejectedUpdate(update?.ClientId ?? "(unknown)", "sent no parameters"));
            }
            else if (!seen.Add(update.ClientId))
            {
                rejected.Add(new RejectedUpdate(update.ClientId, "sent more than one update this round"));
            }
            else if (update.Parameters.Length != length)
            {
                rejected.Add(new RejectedUpdate(update.ClientId, $"has {update.Parameters.Length} parameters; the model has {length}"));
            }
            else if (update.Examples <= 0)
            {
                rejected.Add(new RejectedUpdate(update.ClientId, $"reports {update.Examples} examples"));
            }
            else
            {
                valid.Add(update);
            }
        }

        return (scanValues ? FindNonFinite(valid, rejected) : valid, rejected);
    }

    /// <summary>Moves every update holding NaN or infinity from <paramref name="updates"/> to <paramref name="rejected"/>.</summary>
    public static List<ClientUpdate> FindNonFinite(IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(rejected);
        var clean = new List<ClientUpdate>(updates.Count);
        foreach (var update in updates)
        {
            if (FirstNonFinite(update.Parameters) is { } index)
            {
                rejected.Add(new RejectedUpdate(update.ClientId, $"contains {update.Parameters[index]} at index {index}"));
            }
            else
            {
                clean.Add(update);
            }
        }

        return clean;
    }

    /// <summary>Index of the first NaN or infinity, or null.</summary>
    public static int? FirstNonFinite(ReadOnlySpan<float> values)
    {
        // Fast path: any NaN or infinity makes the sum of (x - x) non-zero (NaN), checked in bulk.
        if (float.IsFinite(TensorPrimitives.Sum(values) * 0))
        {
            return null;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return null;
    }
}
