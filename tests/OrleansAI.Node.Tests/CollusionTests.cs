using System.Diagnostics;

namespace OrleansAI.Node.Tests;

/// <summary>Colluding simulated providers: a leader that trains and hands in, a copier that hands in the same bytes after it.</summary>
public sealed class CollusionTests
{
    private static ITaskConduct Member(CollusionBoard board, bool copier, int round = 1) =>
        new SimulatedConduct(new Misbehavior { Collusion = "pair", Copier = copier }, board).ForTask(TestData.Task(round: round), new Random(1));

    [Fact]
    public async Task ACopierDoesNoWorkAndHandsInItsPartnersResultASecondAfterThePartner()
    {
        var board = new CollusionBoard();
        var leader = Member(board, copier: false);
        var copier = Member(board, copier: true);
        byte[] result = [7, 8, 9];

        var copy = copier.ReplacementPayloadAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(copy.IsCompleted);
        Assert.Null(await leader.ReplacementPayloadAsync(CancellationToken.None));
        var clock = Stopwatch.StartNew();
        leader.HandedIn(result);

        Assert.Equal(result, await copy);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.True(leader.Trains);
        Assert.False(copier.Trains);
        Assert.Equal(100, copier.ClaimedExamples(0, 100));
    }

    [Fact]
    public async Task ColludersShareResultsOnlyWithinOneRound()
    {
        var board = new CollusionBoard();
        Member(board, copier: false, round: 1).HandedIn([1, 2, 3]);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Member(board, copier: true, round: 2).ReplacementPayloadAsync(patience.Token));
    }

    [Fact]
    public void ACollusionGroupWithoutABoardToMeetOnIsRefused() =>
        Assert.Throws<ArgumentException>(() => new SimulatedConduct(new Misbehavior { Collusion = "pair", Copier = true }));
}
