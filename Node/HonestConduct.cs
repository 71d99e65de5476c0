namespace OrleansAI.Node;

/// <summary>The protocol as written: train on the task's data for every step, hand in the result and claim what was seen.</summary>
public sealed class HonestConduct : ITrainingConduct, ITaskConduct
{
    private HonestConduct()
    {
    }

    /// <summary>The one instance; it holds no state, so every task and provider shares it.</summary>
    public static HonestConduct Instance { get; } = new();

    /// <inheritdoc />
    public bool Trains => true;

    /// <inheritdoc />
    public ITaskConduct ForTask(WorkTask task, Random random) => this;

    /// <inheritdoc />
    public LabeledDataset TrainingData(LabeledDataset data) => data;

    /// <inheritdoc />
    public int? StepLimit(int fullSteps) => null;

    /// <inheritdoc />
    public Task<byte[]?> ReplacementPayloadAsync(CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

    /// <inheritdoc />
    public float[] Parameters(float[] globalModel, float[] trained) => trained;

    /// <inheritdoc />
    public void HandedIn(byte[] payload)
    {
    }

    /// <inheritdoc />
    public long ClaimedExamples(long examplesSeen, long fullExamples) => examplesSeen;
}
