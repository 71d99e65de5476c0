namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider's answer to a task, after the gateway checked its signature and the uploaded blob.</summary>
/// <param name="TaskId">The task answered.</param>
/// <param name="Result">The verified result blob; null for evaluation tasks.</param>
/// <param name="Examples">Examples trained on.</param>
/// <param name="TrainLoss">Mean local training loss.</param>
/// <param name="EvalExamples">Local test examples the incoming model was evaluated on.</param>
/// <param name="EvalLoss">Mean loss of the incoming model on them.</param>
/// <param name="EvalAccuracy">Accuracy of the incoming model on them.</param>
/// <param name="ComputeMs">Time the provider says it computed.</param>
/// <param name="Signature">EIP-191 signature of the result message, kept as evidence.</param>
/// <param name="Runtime">The training runtime the provider declared (signed with the result); decides bitwise or tolerance comparison.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.TaskReport")]
public sealed record TaskReport(
    [property: Id(0)] string TaskId,
    [property: Id(1)] ContentReference? Result,
    [property: Id(2)] long Examples,
    [property: Id(3)] double TrainLoss,
    [property: Id(4)] long EvalExamples,
    [property: Id(5)] double EvalLoss,
    [property: Id(6)] double EvalAccuracy,
    [property: Id(7)] double ComputeMs,
    [property: Id(8)] string Signature,
    [property: Id(9)] string Runtime = "");
