using System.Globalization;

namespace OrleansAI.Simulation;

/// <summary>How the training set is split over simulated clients: <c>iid</c>, <c>dirichlet:ALPHA</c> or <c>shards:K</c>.</summary>
/// <param name="Kind">iid, dirichlet or shards.</param>
/// <param name="Parameter">Alpha for Dirichlet, shards per client for shards.</param>
public sealed record PartitionScheme(string Kind, double Parameter = 0)
{
    /// <summary>An IID split.</summary>
    public static PartitionScheme Iid { get; } = new("iid");

    /// <summary>Parses <c>iid</c>, <c>dirichlet:0.5</c> or <c>shards:2</c>.</summary>
    public static PartitionScheme Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2);
        return parts[0] switch
        {
            "iid" when parts.Length == 1 => Iid,
            "dirichlet" or "shards" when parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 => new(parts[0], p),
            _ => throw new FormatException($"'{text}' is not a partition: use iid, dirichlet:ALPHA or shards:K."),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind == "iid" ? "iid" : $"{Kind}:{Parameter.ToString(CultureInfo.InvariantCulture)}";
}
