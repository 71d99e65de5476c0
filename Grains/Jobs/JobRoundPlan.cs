using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansAI.Grains.Jobs;

/// <summary>What a job asks of each of its rounds. Pure: the job's definition and state decide it, so a restarted job asks the same.</summary>
internal static class JobRoundPlan
{
    /// <summary>Deadline attempts per round before the job fails.</summary>
    public const int MaxRoundAttempts = 3;

    /// <summary>The job's seed, from its id: initial weights, shards and every round's sampling derive from it.</summary>
    public static int Seed(string jobId) => BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(jobId))) & 0x3fff_ffff;

    /// <summary>Which providers qualify: data-parallel tasks bring their data, so any provider does.</summary>
    public static ProviderCriteria Criteria(JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.IsDataParallel ? "" : definition.Dataset);
    }

    /// <summary>
    /// Round <paramref name="round"/> of the job: a training round up to the job's rounds, then one
    /// evaluation-only round of the final model on every qualifying provider.
    /// </summary>
    public static RoundConfig For(string jobId, JobDefinition definition, TrainingJobState state, int round)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var evaluation = round > definition.Rounds;
        return new RoundConfig
        {
            JobId = jobId,
            Owner = state.Owner,
            Privacy = evaluation ? null : definition.Privacy,
            Round = round,
            Kind = evaluation ? TaskKind.Evaluate : TaskKind.Train,
            SpecJson = definition.SpecJson,
            Weights = state.CurrentWeights!,
            Strategy = definition.Strategy,
            Criteria = Criteria(definition),
            FractionPerRound = evaluation ? 1.0 : definition.FractionPerRound,
            MinProviders = definition.MinProviders,
            MaxProviders = evaluation ? 0 : definition.MaxProvidersPerRound,
            Quorum = evaluation ? 1 : definition.IsDataParallel ? definition.Quorum > 0 ? definition.Quorum : (definition.Shards + 1) / 2 : definition.EffectiveQuorum,
            BufferSize = evaluation ? 0 : definition.BufferSize,
            Timeout = TimeSpan.FromSeconds(definition.RoundTimeoutSeconds),
            MaxAttempts = MaxRoundAttempts,
            // The strategy says what every client trains with this round (e.g. FedProx's μ).
            Training = evaluation ? definition.Training : FitSettings.Apply(definition.Training, StrategyCatalog.Create(definition.Strategy).ConfigureFit(round)),
            Seed = Seed(jobId) + round,
            StrategyState = state.StrategyState,
            Shards = definition.IsDataParallel ? state.Shards : null,
            Verification = definition.IsDataParallel ? definition.Verification ?? new VerificationSettings() : null,
            Root = evaluation ? null : state.Root,
        };
    }
}
