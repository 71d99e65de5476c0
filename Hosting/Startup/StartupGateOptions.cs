namespace OrleansAI.Hosting.Startup;

/// <summary>Which health checks must pass before a host starts, and how long to wait for them.</summary>
public sealed class StartupGateOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "StartupGate";

    /// <summary>Names of the health checks that must be healthy (see <see cref="Health.HealthCheckNames"/>).</summary>
    public ISet<string> Required { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>How long required services get to come up.</summary>
    public TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(20);
}
