using System.Net.Http.Json;
using OrleansAI.Learning.Data;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Network.Tests;

/// <summary>
/// Federated rounds with a root dataset: the platform's verifier trains each round's model on the
/// client's small root dataset, and every provider's update is scored against that (FLTrust).
/// </summary>
[Collection(NetworkTestGroup.Name)]
public sealed class RootDatasetTests
{
    [Fact]
    public async Task AnUpdateAgainstThePlatformsRootUpdateIsLeftOutAndSuspectedWhileTheJobTrains()
    {
        await using var network = await LocalNetwork.StartAsync(5, behaviors: new Dictionary<int, ClientBehavior> { [4] = ClientBehavior.SignFlip }, verifiers: [0]);
        var root = await network.UploadDatasetAsync(FashionMnist.Load(train: false, normalize: true).Subset([.. Enumerable.Range(0, 200)]), "root");
        var job = await network.SubmitAsync(new
        {
            model = "rooted",
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 2,
            minProviders = 4,
            strategy = "fltrust",
            rootDataset = root,
            localEpochs = 1,
            learningRate = 0.001,
            batchSize = 32,
        });
        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(5));
        Assert.True(done.Status == JobStatus.Completed, done.StatusReason);

        var flipper = network.Agents[4].Address;
        var verifier = network.Agents[0].Address;
        for (var r = 1; r <= 2; r++)
        {
            var round = (await network.Client.GetFromJsonAsync<RoundDetailView>($"/api/jobs/{job.Id}/rounds/{r}", LocalNetwork.Json))!;
            // The verifier's root task is the platform's, not a contribution; the honest updates make the model.
            Assert.DoesNotContain(round.Contributions, c => c.Provider == verifier);
            Assert.Equal(3, round.Contributions.Count(c => c.Used));
            var flipped = Assert.Single(round.Contributions, c => c.Provider == flipper);
            Assert.False(flipped.Used);
            Assert.Contains("root update", flipped.Note, StringComparison.Ordinal);
        }

        var record = (await network.Client.GetFromJsonAsync<ProviderSnapshot>($"/api/providers/{flipper}", LocalNetwork.Json))!;
        Assert.Equal(2, (record.Suspicions ?? []).Count);
        for (var i = 1; i < 4; i++)
        {
            var honest = (await network.Client.GetFromJsonAsync<ProviderSnapshot>($"/api/providers/{network.Agents[i].Address}", LocalNetwork.Json))!;
            Assert.Empty(honest.Suspicions ?? []);
        }
    }

    [Fact]
    public async Task TheFlTrustStrategyNeedsARootDatasetTheClientOwns()
    {
        await using var network = await LocalNetwork.StartAsync(0);
        using var missing = await network.Client.PostAsJsonAsync("/api/jobs", new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, strategy = "fltrust" }, LocalNetwork.Json);
        using var foreign = await network.Client.PostAsJsonAsync("/api/jobs", new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, strategy = "fltrust", rootDataset = new string('b', 64) }, LocalNetwork.Json);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("rootDataset", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("upload it", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
