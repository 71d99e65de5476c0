namespace OrleansAI.Node.Simulation;

/// <summary>One task of a simulated provider, carried out as the behaviour drawn for it says.</summary>
internal sealed class SimulatedTaskConduct(SimulatedConduct provider, WorkTask task, ClientBehavior behavior, Random random) : ITaskConduct
{
    // How long a copier waits for its partner's result, and how long after it the copy goes in.
    private static readonly TimeSpan PartnerPatience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CopyDelay = TimeSpan.FromSeconds(1);

    private Misbehavior Misbehavior => provider.Misbehavior;

    /// <inheritdoc />
    public bool Trains => behavior is not (ClientBehavior.Lazy or ClientBehavior.GaussianNoise) && !Misbehavior.Copier;

    /// <inheritdoc />
    public LabeledDataset TrainingData(LabeledDataset data)
    {
        // Data-parallel tasks bring their data; federated ones train on the provider's own.
        if (task.DataUrl.Length > 0)
        {
            return behavior == ClientBehavior.LabelFlip ? LabelFlip.Of(data) : data;
        }

        return Misbehavior.Behavior == ClientBehavior.LabelFlip ? provider.FlippedLocal(data) : data;
    }

    /// <inheritdoc />
    public int? StepLimit(int fullSteps) =>
        // The shirker trains half the steps it claims.
        behavior == ClientBehavior.Shirker ? Math.Max(1, fullSteps / 2) : null;

    /// <inheritdoc />
    public async Task<byte[]?> ReplacementPayloadAsync(CancellationToken cancellationToken)
    {
        if (!Misbehavior.Copier || Slot() is not { } slot)
        {
            return null;
        }

        // A copier does no work: it waits for its partner's result and hands in the same bytes,
        // necessarily after the partner has handed it in.
        var payload = await slot.Task.WaitAsync(PartnerPatience, cancellationToken);
        await Task.Delay(CopyDelay, cancellationToken);
        return payload;
    }

    /// <inheritdoc />
    public float[] Parameters(float[] globalModel, float[] trained) =>
        Simulation.Behavior.Apply(behavior, globalModel, trained, Misbehavior.ScaleFactor, random);

    /// <inheritdoc />
    public void HandedIn(byte[] payload)
    {
        if (!Misbehavior.Copier)
        {
            Slot()?.TrySetResult(payload);
        }
    }

    /// <inheritdoc />
    public long ClaimedExamples(long examplesSeen, long fullExamples) =>
        // Every cheat claims the full work.
        behavior == ClientBehavior.Shirker || !Trains ? fullExamples : examplesSeen;

    private TaskCompletionSource<byte[]>? Slot() =>
        Misbehavior.Collusion is { } group ? provider.Board!.Slot(group, task) : null;
}
