using System.Numerics;

namespace OrleansAI.Settlement.Indexing;

/// <summary>
/// Model owners and licences, rebuilt from ModelRegistry's events: what the inference router reads
/// to check a caller may use a model without a call per request.
/// </summary>
/// <remarks>
/// Licences only accumulate (a set union, order-free); ownership keeps the owner of the latest
/// event by chain position. An owner counts as licensed, as in the contract's <c>hasLicense</c>.
/// </remarks>
public sealed class LicenseMirror
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BigInteger, (string Owner, LogKey Key)> _owners = [];
    private readonly HashSet<(BigInteger ModelId, string User)> _licences = [];

    /// <summary>Number of models seen.</summary>
    public int ModelCount
    {
        get
        {
            lock (_gate)
            {
                return _owners.Count;
            }
        }
    }

    /// <summary>The model's owner (lower case), or null if its registration was not seen.</summary>
    public string? OwnerOf(BigInteger modelId)
    {
        lock (_gate)
        {
            return _owners.TryGetValue(modelId, out var owner) ? owner.Owner : null;
        }
    }

    /// <summary>True when the user bought or was granted a licence, or owns the model.</summary>
    public bool HasLicense(string user, BigInteger modelId)
    {
        var key = EthAddresses.Normalise(user);
        lock (_gate)
        {
            return _licences.Contains((modelId, key)) || (_owners.TryGetValue(modelId, out var owner) && owner.Owner == key);
        }
    }

    /// <summary>Models the user holds a licence for (owned models not included).</summary>
    public IReadOnlyList<BigInteger> LicensedModels(string user)
    {
        var key = EthAddresses.Normalise(user);
        lock (_gate)
        {
            return [.. _licences.Where(licence => licence.User == key).Select(licence => licence.ModelId).Order()];
        }
    }

    internal void Owned(BigInteger modelId, string owner, LogKey key)
    {
        lock (_gate)
        {
            if (!_owners.TryGetValue(modelId, out var current) || key > current.Key)
            {
                _owners[modelId] = (EthAddresses.Normalise(owner), key);
            }
        }
    }

    internal void Licensed(BigInteger modelId, string user)
    {
        lock (_gate)
        {
            _licences.Add((modelId, EthAddresses.Normalise(user)));
        }
    }
}
