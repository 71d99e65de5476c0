namespace OrleansAI.Hosting.Health;

/// <summary>Tags that decide which endpoint runs a health check.</summary>
public static class HealthTags
{
    /// <summary>Checks that gate <c>/health/ready</c>.</summary>
    public const string Ready = "ready";
}
