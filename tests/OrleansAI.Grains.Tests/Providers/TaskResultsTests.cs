using OrleansAI.Grains.Providers;

namespace OrleansAI.Grains.Tests.Providers;

public sealed class TaskResultsTests
{
    private static readonly ContentReference Weights = new(new string('a', 64), 1000);

    private static ProviderTask TaskOf(TaskKind kind) =>
        new("t", kind, "job", 1, "{}", Weights, kind == TaskKind.Train ? 2000 : 0, new TrainingSettings(), "fashion", DateTimeOffset.UnixEpoch, 1);

    private static TaskReport Report(ContentReference? blob, long examples = 10) => new("t", blob, examples, 0.1, 5, 0.2, 0.5, 10, "sig");

    [Fact]
    public void ATrainingResultWithinItsTasksLimitIsAccepted() =>
        Assert.Null(TaskResults.Mismatch(TaskOf(TaskKind.Train), Report(new(new string('b', 64), 2000))));

    [Fact]
    public void ATrainingResultLongerThanItsTaskAcceptsIsRefused() =>
        Assert.Equal("the result is 2001 bytes; this task accepts at most 2000", TaskResults.Mismatch(TaskOf(TaskKind.Train), Report(new(new string('b', 64), 2001))));

    [Fact]
    public void ATrainingTaskAnsweredWithoutABlobOrExamplesIsRefused()
    {
        Assert.StartsWith("a training result needs", TaskResults.Mismatch(TaskOf(TaskKind.Train), Report(null)), StringComparison.Ordinal);
        Assert.StartsWith("a training result needs", TaskResults.Mismatch(TaskOf(TaskKind.Train), Report(Weights, examples: 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEvaluationTaskTakesNoBlob()
    {
        Assert.Null(TaskResults.Mismatch(TaskOf(TaskKind.Evaluate), Report(null, examples: 0)));
        Assert.NotNull(TaskResults.Mismatch(TaskOf(TaskKind.Evaluate), Report(Weights)));
    }
}
