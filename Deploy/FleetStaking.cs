using System.Numerics;
using OrleansAI.Protocol;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Deploy;

/// <summary>Funds and stakes the simulated providers of a local fleet (see the tool's usage).</summary>
internal static class FleetStaking
{
    private static readonly BigInteger Gas = BigInteger.Pow(10, 18);

    public static async Task StakeAsync(string rpc, long chainId, string funderKey, DeploymentFile deployment, int count, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        var funder = new SettlementSigner(rpc, chainId, funderKey);
        var funderToken = new TokenService(funder, deployment.Contracts.Token);
        var minimum = await new StakingService(funder, deployment.Contracts.Staking).MinStakeQueryAsync();
        for (var i = 0; i < count; i++)
        {
            var key = SimulatedKeys.Of(seed, i);
            var provider = new SettlementSigner(rpc, chainId, key.GetPrivateKey());
            var staking = new StakingService(provider, deployment.Contracts.Staking);
            if (await staking.IsStakedQueryAsync(provider.Address))
            {
                log.WriteLine($"provider {i} {provider.Address}: already staked");
                continue;
            }

            // Gas first (from the funder), then the stake in OAI, then approve and stake from the provider's own key.
            if ((await funder.Web3.Eth.GetBalance.SendRequestAsync(provider.Address)).Value < Gas / 10)
            {
                await funder.Web3.Eth.GetEtherTransferService().TransferEtherAndWaitForReceiptAsync(provider.Address, 1m, cancellationToken: cancellationToken);
            }

            var held = await funderToken.BalanceOfQueryAsync(provider.Address);
            if (held < minimum)
            {
                await funderToken.TransferRequestAndWaitForReceiptAsync(provider.Address, minimum - held, cancellationToken);
            }

            await new TokenService(provider, deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.Staking, minimum, cancellationToken);
            await staking.StakeRequestAndWaitForReceiptAsync(minimum, cancellationToken);
            log.WriteLine($"provider {i} {provider.Address}: staked {minimum / BigInteger.Pow(10, 18)} OAI");
        }
    }

    /// <summary>The longest job deadline an escrow posted here covers.</summary>
    public static readonly TimeSpan MaxJobLength = TimeSpan.FromDays(7);

    public static async Task PostJobAsync(
        string rpc, long chainId, string funderKey, string clientKey, DeploymentFile deployment, string jobId, BigInteger budget, Bytes32 specHash, TextWriter log, CancellationToken cancellationToken)
    {
        var funder = new SettlementSigner(rpc, chainId, funderKey);
        var client = new SettlementSigner(rpc, chainId, clientKey);
        var clientToken = new TokenService(client, deployment.Contracts.Token);
        var held = await clientToken.BalanceOfQueryAsync(client.Address);
        if (held < budget)
        {
            await new TokenService(funder, deployment.Contracts.Token).TransferRequestAndWaitForReceiptAsync(client.Address, budget - held, cancellationToken);
        }

        var id = SettlementIds.JobId(client.Address, jobId);
        await clientToken.ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.JobEscrow, budget, cancellationToken);
        var escrow = new JobEscrowService(client, deployment.Contracts.JobEscrow);
        // The platform starts a job only if its escrow outlasts the job's deadline by the settlement
        // window; platform jobs run for at most a week here (the API's default deadline is a day).
        var window = TimeSpan.FromSeconds((double)await escrow.SettlementWindowQueryAsync());
        var deadline = DateTimeOffset.UtcNow + MaxJobLength + window;
        await escrow.PostJobRequestAndWaitForReceiptAsync(id, specHash, deployment.Contracts.Token, budget, deadline, cancellationToken);
        log.WriteLine($"escrow {id} funded by {client.Address} with {budget / Oai} OAI for {jobId}");
    }

    public static async Task PrintBalancesAsync(string rpc, long chainId, DeploymentFile deployment, int count, int seed, TextWriter log)
    {
        var reader = new SettlementSigner(rpc, chainId, Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
        var staking = new StakingService(reader, deployment.Contracts.Staking);
        var escrow = new JobEscrowService(reader, deployment.Contracts.JobEscrow);
        var token = new TokenService(reader, deployment.Contracts.Token);
        for (var i = 0; i < count; i++)
        {
            var address = MessageSignatures.AddressOf(SimulatedKeys.Of(seed, i));
            var stake = await staking.StakeOfQueryAsync(address);
            var claimable = await escrow.ClaimableQueryAsync(deployment.Contracts.Token, address);
            var wallet = await token.BalanceOfQueryAsync(address);
            log.WriteLine($"  provider {i,2} {address}: stake {Format(stake)} OAI, claimable from escrow {Format(claimable)} OAI, wallet {Format(wallet)} OAI");
        }
    }

    private static readonly BigInteger Oai = BigInteger.Pow(10, 18);

    private static string Format(BigInteger wei) => ((decimal)(wei / BigInteger.Pow(10, 12)) / 1_000_000m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
