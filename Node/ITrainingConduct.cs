namespace OrleansAI.Node;

/// <summary>
/// How a provider carries out the tasks it is given. The task runner does the work the protocol
/// asks for and consults the task's conduct only where a provider could do otherwise;
/// <see cref="HonestConduct"/> is the protocol itself and the default of every provider.
/// </summary>
public interface ITrainingConduct
{
    /// <summary>
    /// The conduct for one task, asked once per task before any of its work is done, so a choice
    /// drawn from <paramref name="random"/> (the provider's own, seeded) is reproducible.
    /// </summary>
    /// <param name="task">The task as the gateway sent it.</param>
    /// <param name="random">The provider's randomness, shared with its result compression.</param>
    ITaskConduct ForTask(WorkTask task, Random random);
}
