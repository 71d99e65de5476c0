using OrleansAI.Federation.Privacy;

namespace OrleansAI.Grains.Jobs;

/// <summary>A private job's accounting: what each released model has cost of its (ε, δ) budget.</summary>
internal static class JobPrivacy
{
    /// <summary>
    /// <paramref name="record"/> with the ε spent once it is counted: every training round that
    /// released a new model is one step of the sampled Gaussian mechanism (a round that kept the
    /// model released nothing).
    /// </summary>
    public static JobRoundRecord Account(JobRoundRecord record, JobDefinition definition, IEnumerable<JobRoundRecord> history)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Privacy is not { } privacy || record.Evaluation)
        {
            return record;
        }

        var releases = history.Count(h => !h.Evaluation && h.KeptBecause is null) + (record.KeptBecause is null ? 1 : 0);
        return record with { EpsilonSpent = Epsilon(privacy, releases) };
    }

    /// <summary>The ε that <paramref name="releases"/> noisy aggregations spend at the job's δ.</summary>
    public static double Epsilon(ClientPrivacy privacy, long releases)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        return releases == 0 ? 0 : new RdpAccountant().Step(ClientPrivacy.SampleRate, privacy.NoiseMultiplier, releases).Epsilon(privacy.Delta);
    }
}
