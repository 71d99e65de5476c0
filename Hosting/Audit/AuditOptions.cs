namespace OrleansAI.Hosting.Audit;

/// <summary>The audit log's settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Audit";

    /// <summary>The least retention allowed: the database refuses to delete younger rows.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(7);

    /// <summary>How long entries are kept (default 365 days, at least <see cref="MinimumRetention"/>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often buffered entries are written (default 1 s): the most an entry waits, and the window identical events fold in.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often old entries are deleted (default 1 hour).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
