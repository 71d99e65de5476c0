namespace OrleansAI.Node;

/// <summary>
/// One task's conduct: the points of a task run where a provider's choice decides what is done and
/// what is reported, listed in the order a run reaches them. The honest answer to each leaves
/// things as they are.
/// </summary>
public interface ITaskConduct
{
    /// <summary>The examples trained on, given the ones the task names.</summary>
    LabeledDataset TrainingData(LabeledDataset data);

    /// <summary>The most optimiser steps run, given the <paramref name="fullSteps"/> the task's settings amount to; null for no limit.</summary>
    int? StepLimit(int fullSteps);

    /// <summary>Whether the provider runs the local training at all; when not, the global model stands for the trained one.</summary>
    bool Trains { get; }

    /// <summary>
    /// Bytes to hand in instead of the result computed here, or null to hand in the computed one.
    /// Asked after training; may wait (for data from elsewhere), within the task's cancellation.
    /// </summary>
    Task<byte[]?> ReplacementPayloadAsync(CancellationToken cancellationToken);

    /// <summary>The parameters handed in, given the <paramref name="globalModel"/>'s and the <paramref name="trained"/> model's (the global model's when nothing was trained).</summary>
    float[] Parameters(float[] globalModel, float[] trained);

    /// <summary>Told the payload once it has been uploaded.</summary>
    void HandedIn(byte[] payload);

    /// <summary>
    /// The example count the signed result claims, given the <paramref name="examplesSeen"/> by the
    /// training run (0 when nothing was trained) and the <paramref name="fullExamples"/> the task's
    /// settings amount to.
    /// </summary>
    long ClaimedExamples(long examplesSeen, long fullExamples);
}
