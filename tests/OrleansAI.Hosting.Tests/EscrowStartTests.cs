using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Hosting.Chain;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Hosting.Tests;

/// <summary>
/// Issue #16 through the silo's adapter on Anvil: a job is started on chain (its escrow locked)
/// before work, and refused with the reason when its escrow ends before the job's deadline plus the
/// settlement window. Fresh keys and contracts; Anvil's clock is not moved.
/// </summary>
public sealed class EscrowStartTests
{
    private static readonly System.Numerics.BigInteger Budget = System.Numerics.BigInteger.Pow(10, 20);

    private static async Task<SettlementSigner> FundedSignerAsync()
    {
        var signer = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, EthECKey.GenerateKey().GetPrivateKey());
        await new Web3(LocalServices.AnvilUrl).Client.SendRequestAsync<object>("anvil_setBalance", null, signer.Address, "0x3635c9adc5dea00000");
        return signer;
    }

    private static async Task<DateTimeOffset> ChainNowAsync()
    {
        var block = await new Web3(LocalServices.AnvilUrl).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest());
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    [Fact]
    public async Task AJobStartsOnChainOnlyWhenItsEscrowOutlastsItsDeadlinePlusTheSettlementWindow()
    {
        var platform = await FundedSignerAsync();
        var client = await FundedSignerAsync();
        var deployment = await new ContractDeployer(platform).DeployAsync(new DeploymentParameters(), CancellationToken.None);
        await new TokenService(platform, deployment.Contracts.Token).TransferRequestAndWaitForReceiptAsync(client.Address, 2 * Budget, CancellationToken.None);
        await new TokenService(client, deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.JobEscrow, 2 * Budget, CancellationToken.None);
        var asClient = new JobEscrowService(client, deployment.Contracts.JobEscrow);
        var settlement = new ChainJobSettlement(new JobEscrowService(platform, deployment.Contracts.JobEscrow), deployment, NullLogger<ChainJobSettlement>.Instance);
        var now = await ChainNowAsync();
        var jobDeadline = now.AddDays(1);

        // An escrow that ends with the job: the platform could not settle after it, so the job is refused.
        await asClient.PostJobRequestAndWaitForReceiptAsync(SettlementIds.JobId(client.Address, "short"), default, deployment.Contracts.Token, Budget, jobDeadline.AddHours(1), CancellationToken.None);
        var refusal = await settlement.StartAsync(client.Address, "short", jobDeadline, CancellationToken.None);
        Assert.NotNull(refusal);
        Assert.Contains("settlement window", refusal, StringComparison.Ordinal);
        Assert.False((await asClient.GetJobQueryAsync(SettlementIds.JobId(client.Address, "short"))).Started);

        // One that covers the window: started, and the client can no longer cancel it.
        var id = SettlementIds.JobId(client.Address, "long");
        await asClient.PostJobRequestAndWaitForReceiptAsync(id, default, deployment.Contracts.Token, Budget, jobDeadline.AddDays(3), CancellationToken.None);
        Assert.Null(await settlement.StartAsync(client.Address, "long", jobDeadline, CancellationToken.None));
        Assert.Null(await settlement.StartAsync(client.Address, "long", jobDeadline, CancellationToken.None));
        var job = await asClient.GetJobQueryAsync(id);
        Assert.Equal((ulong)jobDeadline.ToUnixTimeSeconds(), job.JobDeadline);
        var cancel = await Assert.ThrowsAsync<SettlementException>(() => asClient.CancelJobRequestAndWaitForReceiptAsync(id, CancellationToken.None));
        Assert.Equal("JobAlreadyStarted", cancel.ErrorName);
    }
}
