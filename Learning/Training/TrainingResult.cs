namespace OrleansAI.Learning.Training;

/// <summary>What a local training run produced and what it cost.</summary>
/// <param name="Weights">The trained weights.</param>
/// <param name="ExamplesSeen">Examples processed (counting repeats across epochs); FedAvg weighs updates by it.</param>
/// <param name="Steps">Optimiser steps taken.</param>
/// <param name="MeanLoss">Mean training loss over all steps.</param>
/// <param name="EpochLosses">Mean loss of each epoch.</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="Device">The device used, e.g. "cpu" or "cuda".</param>
/// <param name="StepMilliseconds">Wall time of each optimiser step (data to tensors, forward, backward, update).</param>
public sealed record TrainingResult(
    ModelWeights Weights,
    long ExamplesSeen,
    int Steps,
    double MeanLoss,
    IReadOnlyList<double> EpochLosses,
    TimeSpan Duration,
    string Device,
    IReadOnlyList<double> StepMilliseconds);
