using static OrleansAI.Grains.Tests.Rounds.RoundFixtures;

namespace OrleansAI.Grains.Tests.Rounds;

public sealed class RoundBookTests
{
    [Fact]
    public void AFederatedRoundIsReadyAtQuorumOnlyWhenNothingIsStillOut()
    {
        var state = Collecting(Federated(quorum: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Done);
        state.Tasks[Id(3)] = TaskOf("c", RoundTaskState.Pending);
        Assert.False(state.ReadyToClose());

        state.Tasks[Id(3)].State = RoundTaskState.Failed;
        Assert.True(state.ReadyToClose());
    }

    [Fact]
    public void ABufferedRoundIsReadyWhenItsBufferFillsWhateverIsStillOut()
    {
        var state = Collecting(Federated(quorum: 5, bufferSize: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done);
        state.Tasks[Id(3)] = TaskOf("c", RoundTaskState.Pending);
        Assert.False(state.ReadyToClose());

        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Done);
        Assert.True(state.ReadyToClose());
    }

    [Fact]
    public void TheRootResultNeverCountsTowardsTheQuorum()
    {
        var state = Collecting(Federated(quorum: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done);
        state.Tasks[Id(2)] = TaskOf("verifier", RoundTaskState.Done, role: TaskRole.Root);
        Assert.False(state.ReadyToClose());
        Assert.Single(state.Done());
    }

    [Fact]
    public void ADataParallelRoundIsReadyWhenEveryItemIsCoveredAndNothingIsOut()
    {
        var state = Collecting(DataParallel(items: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done, item: 0);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Failed, item: 1);
        Assert.False(state.ReadyToClose());
        Assert.Equal([1], state.UnassignedItems());

        state.Tasks[Id(3)] = TaskOf("c", RoundTaskState.Pending, item: 1);
        Assert.Empty(state.UnassignedItems());
        Assert.False(state.ReadyToClose());

        state.Tasks[Id(3)].State = RoundTaskState.Done;
        Assert.True(state.ReadyToClose());
    }

    [Fact]
    public void AProviderHoldsAnItemUnlessItDeclinedIt()
    {
        var state = Collecting(DataParallel(items: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Declined, item: 0);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.TimedOut, item: 0);
        Assert.False(state.Holds("a", 0));
        Assert.True(state.Holds("b", 0));
        Assert.False(state.Holds("b", 1));
    }

    [Theory]
    [InlineData(TaskKindCase.TrainWithoutBlob, "a training result needs a result blob and a positive example count")]
    [InlineData(TaskKindCase.AccuracyAboveOne, "the evaluation figures are out of range")]
    [InlineData(TaskKindCase.EvaluationWithoutExamples, "an evaluation result needs evaluated examples")]
    [InlineData(TaskKindCase.Valid, null)]
    public void ReportsAreCheckedAgainstTheRoundsKindOfTask(TaskKindCase which, string? expected)
    {
        var (config, report) = which switch
        {
            TaskKindCase.TrainWithoutBlob => (Federated(), Report(Id(1), null)),
            TaskKindCase.AccuracyAboveOne => (Federated(), Report(Id(1), SomeWeights, evalAccuracy: 1.5)),
            TaskKindCase.EvaluationWithoutExamples => (Federated(kind: Interfaces.Providers.TaskKind.Evaluate), Report(Id(1), null, evalExamples: 0)),
            _ => (Federated(), Report(Id(1), SomeWeights)),
        };
        Assert.Equal(expected, RoundBook.Invalid(config, report));
    }

    [Fact]
    public void TheSnapshotWeighsMetricsByExamplesAndCountsBytes()
    {
        var state = Collecting(Federated());
        var a = TaskOf("a", RoundTaskState.Done);
        a.Report = new(Id(1), new("x", 100), 30, 1.0, 10, 2.0, 0.9, 50, "s");
        var b = TaskOf("b", RoundTaskState.Done);
        b.Report = new(Id(2), new("y", 300), 10, 3.0, 30, 4.0, 0.5, 80, "s");
        state.Tasks[Id(1)] = a;
        state.Tasks[Id(2)] = b;
        state.Tasks[Id(3)] = TaskOf("c", RoundTaskState.Declined);
        state.Tasks[Id(4)] = TaskOf("d", RoundTaskState.TimedOut);

        var snapshot = state.Snapshot();

        Assert.Equal(3, snapshot.Assigned);
        Assert.Equal(2, snapshot.Received);
        Assert.Equal(1, snapshot.Failed);
        Assert.Equal((1.0 * 30 + 3.0 * 10) / 40, snapshot.TrainLoss, 12);
        Assert.Equal((0.9 * 10 + 0.5 * 30) / 40, snapshot.EvalAccuracy, 12);
        Assert.Equal(400, snapshot.BytesIn);
        Assert.Equal(80, snapshot.SlowestComputeMs);
    }

    /// <summary>Which report <see cref="ReportsAreCheckedAgainstTheRoundsKindOfTask"/> checks.</summary>
    public enum TaskKindCase
    {
        /// <summary>A training report without a result blob.</summary>
        TrainWithoutBlob,

        /// <summary>An evaluation accuracy above one.</summary>
        AccuracyAboveOne,

        /// <summary>An evaluation round's report without evaluated examples.</summary>
        EvaluationWithoutExamples,

        /// <summary>A valid training report.</summary>
        Valid,
    }
}
