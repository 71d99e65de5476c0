using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Nethereum.Signer;
using OrleansAI.Grains.Interfaces.Verification;

namespace OrleansAI.Network.Tests;

/// <summary>Proven fraud costs stake: a node outvoted on signed answers is slashed on chain, once per piece of evidence.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class FraudSlashingTests
{
    private const long ChainId = 31337;

    [Fact]
    public async Task ALiarOutvotedOnSignedAnswersIsSlashedOnChainOncePerEvidenceAndTheSlashIsFinalAfterTheDisputeWindow()
    {
        await using var chain = await ChainNetwork.StartAsync(TimeSpan.FromSeconds(3));
        var (served, deployment, staking) = (chain.Served, chain.Deployment, chain.Staking);
        var network = served.Network;
        var liar = network.Agents[2].Address;
        var honest = network.Agents[0].Address;
        var liarStake = await staking.SlashableOfQueryAsync(liar);
        var honestStake = await staking.SlashableOfQueryAsync(honest);

        // The same input twice: the same signed answers, so the same evidence and one case.
        var request = InferenceNetwork.Request(served.Images.Take(2), new { replication = 3 });
        for (var i = 0; i < 2; i++)
        {
            using var response = await served.InferAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        IReadOnlyList<FraudCaseSnapshot> cases = [];
        await LocalNetwork.Until(() =>
        {
            cases = network.Client.GetFromJsonAsync<IReadOnlyList<FraudCaseSnapshot>>($"/api/providers/{liar}/cases", LocalNetwork.Json).GetAwaiter().GetResult()!;
            return cases.Count > 0 && cases.All(c => c.Status != FraudCaseStatus.Recorded);
        }, TimeSpan.FromSeconds(30), "the liar's case to be settled on chain");

        var single = Assert.Single(cases);
        Assert.Equal(FraudCaseStatus.Slashed, single.Status);
        Assert.Equal(liar, single.Evidence.Provider);
        Assert.Equal(3, single.Evidence.Answers.Count);
        Assert.Equal(2, single.Evidence.Answers.Count(a => a.InMajority));
        Assert.DoesNotContain(single.Evidence.Answers, a => a.InMajority && a.Provider == liar);
        var slashed = BigInteger.Parse(single.SlashedWei!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(slashed > 0);
        Assert.Equal(liarStake - slashed, await staking.SlashableOfQueryAsync(liar));
        Assert.Equal(honestStake, await staking.SlashableOfQueryAsync(honest));
        Assert.Empty(await network.Client.GetFromJsonAsync<IReadOnlyList<FraudCaseSnapshot>>($"/api/providers/{honest}/cases", LocalNetwork.Json) ?? []);

        // Opening the same evidence again — a retried report — slashes nothing more.
        var grains = network.Api.Services.GetRequiredService<IGrainFactory>();
        var again = await grains.GetGrain<IFraudCaseGrain>(single.Id).OpenAsync(single.Evidence);
        Assert.Equal(FraudCaseStatus.Slashed, again.Status);
        Assert.Equal(liarStake - slashed, await staking.SlashableOfQueryAsync(liar));
        // The chain itself refuses the evidence a second time.
        var replay = await Assert.ThrowsAsync<SettlementException>(() => staking.SlashRequestAndWaitForReceiptAsync(liar, 1, Bytes32.Parse(single.Id), null, CancellationToken.None));
        Assert.Equal("EvidenceAlreadyUsed", replay.ErrorName);

        // Its reputation fell, and its staking rewards follow: the platform sets the multipliers on
        // chain, and the liar's is now below an honest provider's.
        var rewards = new RewardsService(chain.Platform, deployment.Contracts.Rewards);
        var (liarBps, honestBps) = (0, 0);
        await LocalNetwork.Until(() =>
        {
            liarBps = (int)rewards.MultiplierOfQueryAsync(liar).GetAwaiter().GetResult();
            honestBps = (int)rewards.MultiplierOfQueryAsync(honest).GetAwaiter().GetResult();
            return honestBps != 10_000 && liarBps < honestBps;
        }, TimeSpan.FromSeconds(60), "the liar's lower reward multiplier to reach the chain");
        var published = await grains.GetGrain<IRewardsReputationGrain>(0).PublishedAsync();
        var view = (await network.Client.GetFromJsonAsync<ProviderSnapshot>($"/api/providers/{liar}", LocalNetwork.Json))!;
        // A multiplier the chain was never told stays 1×, which is what is sent when it is close to that.
        Assert.Equal(liarBps, published.GetValueOrDefault(liar, 10_000));
        Assert.Equal(honestBps, published[honest]);
        var expected = (int)Math.Round(view.Reputation!.FeeMultiplier * 10_000);
        Assert.InRange(liarBps, expected - IRewardsReputationGrain.MinChangeBps, expected + IRewardsReputationGrain.MinChangeBps);

        // Undisputed, the slash becomes final once its window ends: the funds reach the treasury.
        Assert.Contains("disputable until", single.Detail, StringComparison.Ordinal);
        var treasuryBefore = await staking.ClaimableQueryAsync(deployment.Treasury);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var final = await grains.GetGrain<IFraudCaseGrain>(single.Id).RefreshAsync();
        Assert.Equal(FraudCaseStatus.Finalized, final!.Status);
        Assert.Equal(treasuryBefore + slashed, await staking.ClaimableQueryAsync(deployment.Treasury));
    }

    [Fact]
    public async Task ADisputeTheArbiterUpholdsRestoresTheStakeAndTakesTheCaseBackFromTheReputation()
    {
        // The default dispute window: the provider disputes well within it.
        await using var chain = await ChainNetwork.StartAsync(null);
        var (served, deployment, staking) = (chain.Served, chain.Deployment, chain.Staking);
        var network = served.Network;
        var liar = network.Agents[2].Address;
        var stakeBefore = await staking.SlashableOfQueryAsync(liar);
        using (var response = await served.InferAsync(InferenceNetwork.Request(served.Images.Take(2), new { replication = 3 })))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        IReadOnlyList<FraudCaseSnapshot> cases = [];
        await LocalNetwork.Until(() =>
        {
            cases = network.Client.GetFromJsonAsync<IReadOnlyList<FraudCaseSnapshot>>($"/api/providers/{liar}/cases", LocalNetwork.Json).GetAwaiter().GetResult()!;
            return cases.Count > 0 && cases[0].Status == FraudCaseStatus.Slashed;
        }, TimeSpan.FromSeconds(30), "the liar to be slashed");
        var slashedScore = await ScoreAsync(network, liar);

        // The provider disputes within the (default, two-day) window and the arbiter upholds it.
        var accused = new StakingService(new SettlementSigner(LocalServices.AnvilUrl, ChainId, network.Keys[2].GetPrivateKey()), deployment.Contracts.Staking);
        await accused.DisputeSlashRequestAndWaitForReceiptAsync(Bytes32.Parse(cases[0].Id), CancellationToken.None);
        // Operators find it among every provider's disputed cases as soon as the Api's chain mirror
        // reads the dispute (nobody asks the case to look); other clients cannot list them.
        using var operatorClient = network.Api.OperatorClient();
        using var operatorSdk = new Sdk.OaiClient(operatorClient, apiKey: null);
        IReadOnlyList<Sdk.Cases.CaseEntry> disputed = [];
        await LocalNetwork.Until(() =>
        {
            disputed = operatorSdk.Cases.ListAsync(Sdk.Cases.FraudCaseStatus.Disputed).GetAwaiter().GetResult();
            return disputed.Count > 0;
        }, TimeSpan.FromSeconds(20), "the dispute to reach the operators' list");
        using var listedByClient = await network.Client.GetAsync("/api/cases?status=disputed");
        Assert.Equal(cases[0].Id, Assert.Single(disputed).Id);
        Assert.Equal(liar, disputed[0].Provider);
        Assert.Equal(HttpStatusCode.Forbidden, listedByClient.StatusCode);

        // Only an operator decides, with a reason; the platform's key (the arbiter on chain) carries it out.
        var resolution = new { upheld = true, reason = "the canary input was mislabelled" };
        using var byClient = await network.Client.PostAsJsonAsync($"/api/cases/{cases[0].Id}/resolution", resolution);
        using var withoutReason = await operatorClient.PostAsJsonAsync($"/api/cases/{cases[0].Id}/resolution", new { upheld = true });
        using var decided = await operatorClient.PostAsJsonAsync($"/api/cases/{cases[0].Id}/resolution", resolution);
        using var again = await operatorClient.PostAsJsonAsync($"/api/cases/{cases[0].Id}/resolution", resolution);
        var restored = await decided.Content.ReadFromJsonAsync<FraudCaseSnapshot>(LocalNetwork.Json);

        Assert.Equal(HttpStatusCode.Forbidden, byClient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(FraudCaseStatus.Restored, restored!.Status);
        Assert.StartsWith("upheld by operator", restored.Resolution, StringComparison.Ordinal);
        var all = await operatorClient.GetFromJsonAsync<IReadOnlyList<CaseEntry>>("/api/cases", LocalNetwork.Json);
        Assert.Equal(FraudCaseStatus.Restored, all!.Single(c => c.Id == cases[0].Id).Status);
        Assert.Equal(stakeBefore, await staking.SlashableOfQueryAsync(liar));
        Assert.True(await ScoreAsync(network, liar) > slashedScore + 0.1, "the case's reputation penalty was not taken back");
    }

    private static async Task<double> ScoreAsync(LocalNetwork network, string provider) =>
        (await network.Client.GetFromJsonAsync<JsonElement>($"/api/providers/{provider}")).GetProperty("reputation").GetProperty("score").GetDouble();
}
