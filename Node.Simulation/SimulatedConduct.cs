namespace OrleansAI.Node.Simulation;

/// <summary>
/// A simulated provider's training conduct: honest, or one of the attacks of
/// <see cref="Misbehavior"/>, played through the node's conduct hooks so the platform's defences
/// meet them on the real protocol.
/// </summary>
public sealed class SimulatedConduct : ITrainingConduct
{
    private readonly Lock _lock = new();
    private (LabeledDataset Source, LabeledDataset Flipped)? _flippedLocal;

    /// <summary>Creates the conduct; a provider in a collusion group needs the <paramref name="board"/> its partners share.</summary>
    public SimulatedConduct(Misbehavior misbehavior, CollusionBoard? board = null)
    {
        Misbehavior = misbehavior ?? throw new ArgumentNullException(nameof(misbehavior));
        if (misbehavior.Collusion is not null && board is null)
        {
            throw new ArgumentException("A provider in a collusion group needs the board its partners share.", nameof(board));
        }

        Board = board;
    }

    /// <summary>How the provider misbehaves.</summary>
    public Misbehavior Misbehavior { get; }

    /// <summary>Where colluding partners meet, when there are any.</summary>
    public CollusionBoard? Board { get; }

    /// <inheritdoc />
    public ITaskConduct ForTask(WorkTask task, Random random)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(random);
        // An intermittent cheater decides per task; a full-time one (and an honest one) draws nothing.
        var behavior = Misbehavior.CheatRate >= 1 || random.NextDouble() < Misbehavior.CheatRate ? Misbehavior.Behavior : ClientBehavior.Honest;
        return new SimulatedTaskConduct(this, task, behavior, random);
    }

    // The provider's own data is poisoned once, for every task whatever the task's draw: a
    // label-flipper holds flipped data, while a shard handed to it is flipped only on a cheating task.
    internal LabeledDataset FlippedLocal(LabeledDataset data)
    {
        lock (_lock)
        {
            if (_flippedLocal is not { } cached || !ReferenceEquals(cached.Source, data))
            {
                cached = (data, LabelFlip.Of(data));
                _flippedLocal = cached;
            }

            return cached.Flipped;
        }
    }
}
