using System.Numerics;
using OrleansAI.Protocol;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

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
}
