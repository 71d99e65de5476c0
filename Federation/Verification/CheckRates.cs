namespace OrleansAI.Federation.Verification;

/// <summary>
/// Risk-based checking for data-parallel work: a provider whose reputation has fallen below a new
/// provider's (failures, suspicions, outvoted answers) has its tasks replicated and canaried more
/// often, up to <see cref="MaxBoost"/> times the job's rates at the sampling floor. Reputable and new
/// providers are checked at the job's rates, so the extra compute goes where cheating is likeliest.
/// </summary>
public static class CheckRates
{
    /// <summary>Reputation from which a provider is checked at the job's rates (a new provider scores 0.65).</summary>
    public const double TrustedFrom = 0.6;

    /// <summary>How many times the job's rates a provider at reputation 0 is checked.</summary>
    public const double MaxBoost = 5;

    /// <summary>The factor the job's check rates are multiplied by for a provider of this reputation.</summary>
    public static double Boost(double reputation) =>
        !double.IsFinite(reputation) || reputation >= TrustedFrom ? 1 : 1 + (MaxBoost - 1) * (TrustedFrom - Math.Max(reputation, 0)) / TrustedFrom;

    /// <summary>The chance a task of this provider is checked, given the job's <paramref name="rate"/>.</summary>
    public static double Rate(double rate, double reputation) => Math.Clamp(rate * Boost(reputation), 0, 1);
}
