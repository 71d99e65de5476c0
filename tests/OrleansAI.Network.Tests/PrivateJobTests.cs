using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Network.Tests;

/// <summary>Issue #17: a federated job with client-level differential privacy, end to end on the local network.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class PrivateJobTests
{
    [Fact]
    public async Task APrivateJobAggregatesWithCalibratedNoiseAndReportsTheEpsilonEachRoundSpentUpToItsBudget()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 4);
        var sdk = network.Sdk;
        var job = await sdk.Jobs.SubmitAsync(new JobRequest
        {
            Model = "private-mlp",
            Spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement.Clone(),
            Rounds = 3,
            MinProviders = 4,
            RoundTimeoutSeconds = 60,
            LocalEpochs = 1,
            LearningRate = 0.01,
            BatchSize = 32,
            Privacy = new PrivacyRequest { Level = "client", Epsilon = 8, Delta = 1e-5, Clip = 0.5 },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var done = await sdk.Jobs.WaitAsync(job.Id, timeout.Token);
        var version = await sdk.Models.GetVersionAsync("private-mlp", done.ModelVersion!.Value);

        Assert.Equal(JobStatus.Completed, done.Status);
        var privacy = Assert.IsType<PrivacyView>(done.Privacy);
        Assert.True(privacy.NoiseMultiplier > 0);
        var spent = done.History.Where(r => !r.Evaluation).Select(r => r.EpsilonSpent!.Value).ToArray();
        Assert.Equal(3, spent.Length);
        Assert.True(spent[0] > 0 && spent[0] < spent[1] && spent[1] < spent[2], string.Join(", ", spent));
        Assert.True(spent[2] <= 8, $"the job spent ε {spent[2]} of a budget of 8");
        Assert.Null(done.History.Single(r => r.Evaluation).EpsilonSpent);
        Assert.Equal(spent[2], version.EpsilonSpent);
        Assert.Equal(privacy, version.Privacy);
    }
}
