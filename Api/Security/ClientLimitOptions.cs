using System.ComponentModel.DataAnnotations;

namespace OrleansAI.Api.Security;

/// <summary>Per-client limits on the API's costly writes (configuration section <c>Limits</c>).</summary>
public sealed class ClientLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Limits";

    /// <summary>Training jobs one client may submit per minute (each reserves providers and storage).</summary>
    [Range(1, 100_000)]
    public int JobSubmissionsPerMinute { get; set; } = 30;

    /// <summary>Dataset uploads one client may start per minute (each streams up to the upload limit into the store).</summary>
    [Range(1, 100_000)]
    public int DatasetUploadsPerMinute { get; set; } = 10;
}
