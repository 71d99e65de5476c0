namespace OrleansAI.Grains.Rounds;

/// <summary>A round's results as both kinds of round aggregate them: decoded to full parameters, or why not.</summary>
/// <param name="Plan">The model's parameter layout.</param>
/// <param name="Current">The round's global model.</param>
/// <param name="Done">The accepted results, in task order.</param>
/// <param name="Parameters">Each decodable result's full parameters, by task id.</param>
/// <param name="Undecodable">Why each other result could not be used, by task id.</param>
/// <param name="Bases">The models results started from, by weights hash (the round's own, and earlier rounds' for FedBuff carry-overs).</param>
internal sealed record LoadedResults(
    ModelPlan Plan,
    float[] Current,
    IReadOnlyList<(string TaskId, RoundTask Task)> Done,
    IReadOnlyDictionary<string, float[]> Parameters,
    IReadOnlyDictionary<string, string> Undecodable,
    IReadOnlyDictionary<string, float[]> Bases)
{
    /// <summary>The model the task's result started from.</summary>
    public float[] BaseOf(RoundTask task, Interfaces.Rounds.RoundConfig config)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(config);
        return Bases[task.BaseWeights?.Sha256 ?? config.Weights.Sha256];
    }
}
