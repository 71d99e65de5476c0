namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Builds the task a provider is sent for a task id of the round: a federated task on the provider's
/// own data, a data-parallel item on its shard, or the verifier's FLTrust root task. Pure: the same
/// state and id always give the same task, so a re-offer after a restart sends exactly what was recorded.
/// </summary>
internal static class RoundTaskFactory
{
    /// <summary>Largest result a training task may upload: the weights as float32 plus room for headers.</summary>
    public const long ResultOverheadBytes = 1 << 20;

    /// <summary>The task recorded under <paramref name="taskId"/>.</summary>
    public static ProviderTask For(RoundState state, string taskId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var config = state.Config!;
        if (state.Tasks.TryGetValue(taskId, out var known))
        {
            if (known.Role == TaskRole.Root)
            {
                return Root(state, taskId);
            }

            if (known.Item is { } item)
            {
                return Item(state, taskId, item);
            }
        }

        // Federated tasks get a seed of their own from the id, so two providers never train alike.
        return Base(state, taskId, config.Seed * 1_000_003 + int.Parse(taskId.AsSpan(0, 7), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    // A federated task: the provider's own data, named by the criteria's dataset.
    private static ProviderTask Base(RoundState state, string taskId, long seed)
    {
        var config = state.Config!;
        return new(
            taskId,
            config.Kind,
            config.JobId,
            config.Round,
            config.SpecJson,
            config.Weights,
            config.Kind == TaskKind.Train ? config.Weights.Length + ResultOverheadBytes : 0,
            config.Training,
            config.Criteria.Dataset,
            state.DeadlineUtc,
            seed,
            Owner: config.Owner);
    }

    // The verifier trains the round's model on the job's root dataset, plainly: no proximal term, no compression.
    private static ProviderTask Root(RoundState state, string taskId)
    {
        var config = state.Config!;
        return Base(state, taskId, config.Seed) with
        {
            Kind = TaskKind.Train,
            MaxResultBytes = config.Weights.Length + ResultOverheadBytes,
            Training = config.Training.Plain(),
            Dataset = "",
            TrainData = config.Root,
            TestData = config.Root,
        };
    }

    // Every task of an item is the same task: same weights, shard, seed and hyper-parameters.
    private static ProviderTask Item(RoundState state, string taskId, int item)
    {
        var config = state.Config!;
        var shard = config.Shards![item];
        return Base(state, taskId, config.Seed * 1_000_003 + item) with { Dataset = "", TrainData = shard.Train, TestData = shard.Test, Item = item };
    }
}
