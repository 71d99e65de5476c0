using System.Net.Http.Json;
using System.Numerics;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Grains.Settlement;
using OrleansAI.Hosting.Chain;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Network.Tests;

/// <summary>A job with a budget waits for its on-chain escrow, then pays the providers whose results shaped the model.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class EscrowSettlementTests : IAsyncLifetime
{
    private const long ChainId = 31337;
    private static readonly BigInteger Oai = BigInteger.Pow(10, 18);
    private readonly string _deploymentPath = Path.Combine(Path.GetTempPath(), $"oai-deployment-{Guid.NewGuid():N}.json");
    private readonly EthECKey _client = EthECKey.GenerateKey();
    private string _platformKey = "";
    private DeploymentFile? _deployment;
    private LocalNetwork? _network;

    public async Task InitializeAsync()
    {
        // A fresh platform key (deployer and PLATFORM_ROLE holder), funded through Anvil.
        _platformKey = EthECKey.GenerateKey().GetPrivateKey();
        var platform = new SettlementSigner(LocalServices.AnvilUrl, ChainId, _platformKey);
        await LocalChain.FundAsync(platform.Address);
        _deployment = await new ContractDeployer(platform).DeployAsync(new DeploymentParameters(), CancellationToken.None);
        _deployment.Save(_deploymentPath);
        _network = await LocalNetwork.StartAsync(
            providers: 3,
            apiSettings: new Dictionary<string, string?>
            {
                ["Clients:Keys:0:Wallet"] = MessageSignatures.AddressOf(_client),
                // The Api mirrors the chain; its simulated providers are not staked, so staking is not required here.
                ["Chain:DeploymentFile"] = _deploymentPath,
                ["Gateway:RequireStake"] = "false",
            },
            siloSettings: new Dictionary<string, string?>
            {
                ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
                ["Chain:DeploymentFile"] = _deploymentPath,
                ["Chain:PlatformKey"] = _platformKey,
            });
    }

    public async Task DisposeAsync()
    {
        await _network!.DisposeAsync();
        File.Delete(_deploymentPath);
    }

    [Fact]
    public async Task AJobWaitsForItsEscrowThenPaysEachContributingProviderOnce()
    {
        var budget = 90 * Oai;
        var job = await _network!.SubmitAsync(new
        {
            model = "paid",
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 2,
            minProviders = 3,
            budget = budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var waiting = await _network.WaitAsync(job.Id, j => j.StatusReason.StartsWith("waiting for escrow", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Pending, waiting.Status);
        Assert.NotNull(job.EscrowJobId);

        await PostEscrowAsync(job.Id, budget);
        var done = await _network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(3));

        Assert.True(done.Status == JobStatus.Completed, done.StatusReason);
        var version = await _network.Client.GetFromJsonAsync<ModelVersionView>($"/api/models/paid/versions/{done.ModelVersion}", LocalNetwork.Json);
        var escrowId = SettlementIds.JobId(MessageSignatures.AddressOf(_client), job.Id);
        var reader = new JobEscrowService(new SettlementSigner(LocalServices.AnvilUrl, ChainId, _platformKey), _deployment!.Contracts.JobEscrow);
        var onChain = await reader.GetJobQueryAsync(escrowId);
        // Each result earns its share weighted by its provider's fee multiplier; rounding down loses less than one unit per result.
        Assert.True(onChain.Paid <= budget);
        Assert.True(budget - onChain.Paid < version!.Contributions.Count);
        var share = budget / version.Contributions.Count;
        foreach (var provider in version.Contributions.Select(c => c.Provider).Distinct())
        {
            Assert.True(await reader.ClaimableQueryAsync(_deployment.Contracts.Token, provider) > 0, $"{provider} was not paid");
        }

        // Settling again (a retried completion) pays nothing more: each task id pays once.
        var settlement = new ChainJobSettlement(reader, _deployment, NullLogger<ChainJobSettlement>.Instance);
        await settlement.PayAsync(MessageSignatures.AddressOf(_client), job.Id,
            [.. version.Contributions.Select(c => new TaskPayment(c.TaskId, c.Provider, share.ToString(System.Globalization.CultureInfo.InvariantCulture)))], CancellationToken.None);
        Assert.Equal(onChain.Paid, (await reader.GetJobQueryAsync(escrowId)).Paid);

        // The Api's mirror of the escrow agrees with the contract.
        JsonElement mirrored = default;
        await LocalNetwork.Until(() =>
        {
            mirrored = _network.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job.Id}/escrow").GetAwaiter().GetResult();
            return mirrored.GetProperty("status").GetString() == "completed";
        }, TimeSpan.FromSeconds(15), "the mirror to see the escrow completed");
        Assert.Equal(onChain.Paid.ToString(System.Globalization.CultureInfo.InvariantCulture), mirrored.GetProperty("paid").GetString());
        Assert.Equal(budget.ToString(System.Globalization.CultureInfo.InvariantCulture), mirrored.GetProperty("budget").GetString());
        Assert.Equal(version.Contributions.Count, mirrored.GetProperty("paidTasks").GetInt32());
        Assert.Equal(escrowId.ToString(), mirrored.GetProperty("escrowJobId").GetString());

        // Every use of the platform's key is in the audit log operators read (owner "platform"), not in the client's.
        using var ops = _network.Api.OperatorClient();
        JsonElement[] signed = [];
        await LocalNetwork.Until(() =>
        {
            signed = ops.GetFromJsonAsync<JsonElement[]>("/api/audit?owner=platform&action=key.sign&resource=key/platform&limit=1000").GetAwaiter().GetResult()!;
            return signed.Any(e => e.GetProperty("detail").GetString()!.StartsWith("startJob", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(15), "the escrow lock's signature in the audit log");
        Assert.Contains(signed, e => e.GetProperty("detail").GetString()!.StartsWith("completeJob", StringComparison.Ordinal));
        Assert.Empty(await _network.Client.GetFromJsonAsync<JsonElement[]>("/api/audit?action=key.sign") ?? []);
    }

    private async Task PostEscrowAsync(string jobId, BigInteger budget)
    {
        var platform = new SettlementSigner(LocalServices.AnvilUrl, ChainId, _platformKey);
        var client = new SettlementSigner(LocalServices.AnvilUrl, ChainId, _client.GetPrivateKey());
        await LocalChain.FundAsync(client.Address);
        await new TokenService(platform, _deployment!.Contracts.Token).TransferRequestAndWaitForReceiptAsync(client.Address, budget, CancellationToken.None);
        await new TokenService(client, _deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(_deployment.Contracts.JobEscrow, budget, CancellationToken.None);
        await new JobEscrowService(client, _deployment.Contracts.JobEscrow).PostJobRequestAndWaitForReceiptAsync(
            SettlementIds.JobId(client.Address, jobId), default, _deployment.Contracts.Token, budget, DateTimeOffset.UtcNow.AddDays(4), CancellationToken.None);
    }
}
