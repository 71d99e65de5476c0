namespace OrleansAI.Grains.Providers;

/// <summary>
/// How long proven fraud keeps a provider out: no new work, no serving, no sign-in (unless a dispute
/// takes the case back). Hosts read <c>Providers:SuspensionPeriod</c>; zero records fraud without
/// suspending, which test networks use to keep a known liar in play.
/// </summary>
/// <param name="Period">The suspension after the latest proven fraud.</param>
public sealed record SuspensionPolicy(TimeSpan Period)
{
    /// <summary>A week: long enough that a cheat costs more than it earns, short of a ban.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);
}
