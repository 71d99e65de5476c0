using Dto = OrleansAI.Sdk.Providers;

namespace OrleansAI.Api.Wire;

/// <summary>Providers as the API shows them.</summary>
public static class ProviderWire
{
    /// <summary>A provider in the online listing.</summary>
    public static Dto.ProviderView View(ProviderListing l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Address, l.Capabilities.Device, l.Capabilities.MemoryMb, l.Capabilities.Datasets, l.Capabilities.PricePerTask, l.RunningTasks, l.SamplingWeight, l.SuspendedUntil);
    }

    /// <summary>A provider's public record.</summary>
    public static Dto.ProviderDetail Detail(ProviderSnapshot p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Capabilities;
        var r = p.Reputation;
        return new(p.Address, EnumNames.Map<ProviderStatus, Dto.ProviderStatus>(p.Status),
            c is null ? null : new Dto.ProviderCapabilities(c.Device, c.MemoryMb, c.Datasets, c.PricePerTask, c.MaxConcurrentTasks, c.Agent, c.Serves, c.ServingMemoryMb, c.PricePer1kInferences),
            p.FirstSeenUtc, p.LastSeenUtc, p.RunningTasks, p.TasksAssigned, p.TasksAccepted, p.TasksFailed, p.Earnings, p.Models,
            p.InferenceAgreements, p.InferenceDisagreements,
            r is null ? null : new Dto.ProviderReputation(r.Score, r.OutcomeScore, r.Successes, r.Failures, r.Uptime, r.Timeliness, r.FeeMultiplier),
            p.FraudCases, p.Suspicions?.Select(s => new Dto.Suspicion(s.RoundKey, s.Reason, s.AtUtc)).ToList(), p.SuspicionCount, p.SuspendedUntil);
    }
}
