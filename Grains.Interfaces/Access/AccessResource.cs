namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>
/// A dataset or model version that rights can be granted on, named by its owner and itself. The
/// key is the <see cref="IResourceAccessGrain"/> key and the audit log's resource name.
/// </summary>
/// <param name="Kind">"dataset" or "model".</param>
/// <param name="Owner">The client that owns it.</param>
/// <param name="Name">A dataset's SHA-256, or a model's name.</param>
/// <param name="Version">The model version; 0 for a dataset.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.AccessResource")]
public sealed record AccessResource(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Owner,
    [property: Id(2)] string Name,
    [property: Id(3)] int Version)
{
    /// <summary>The kind of a dataset.</summary>
    public const string DatasetKind = "dataset";

    /// <summary>The kind of a model version.</summary>
    public const string ModelKind = "model";

    /// <summary>A client's dataset by its hash.</summary>
    public static AccessResource Dataset(string owner, string sha256) => new(DatasetKind, owner, sha256, 0);

    /// <summary>A client's model version.</summary>
    public static AccessResource ModelVersion(string owner, string name, int version) => new(ModelKind, owner, name, version);

    /// <summary>The model version an owner-scoped version key (<c>OWNER/NAME/VERSION</c>, <c>ModelKeys.Version</c>) names.</summary>
    public static AccessResource FromModelVersionKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        return parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? ModelVersion(parts[0], parts[1], version)
            : throw new ArgumentException($"'{key}' is not a model version key (OWNER/NAME/VERSION).", nameof(key));
    }

    /// <summary>The grain key and audit name: <c>dataset/OWNER/SHA</c> or <c>model/OWNER/NAME/VERSION</c> (client ids hold no '/').</summary>
    public string Key => Kind == DatasetKind
        ? $"{Kind}/{Owner}/{Name}"
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}/{Owner}/{Name}/{Version}");
}
