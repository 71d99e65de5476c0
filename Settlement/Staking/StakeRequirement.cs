using System.Numerics;
using Nethereum.Signer;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Settlement.Staking;

/// <summary>
/// Whether a provider's active stake on chain meets the Staking contract's minimum: what admission to
/// the network requires. Read-only: it signs nothing (its signer's key is random and never funded).
/// </summary>
public sealed class StakeRequirement
{
    private readonly StakingService _staking;

    /// <summary>Reads the Staking contract named in <paramref name="deployment"/> at <paramref name="rpcUrl"/>.</summary>
    public StakeRequirement(string rpcUrl, DeploymentFile deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        StakingAddress = deployment.Contracts.Staking;
        _staking = new StakingService(new SettlementSigner(rpcUrl, deployment.ChainId, EthECKey.GenerateKey().GetPrivateKey()), StakingAddress);
    }

    /// <summary>The Staking contract.</summary>
    public string StakingAddress { get; }

    /// <summary>The provider's active stake and the minimum, in token wei.</summary>
    public async Task<(bool Staked, BigInteger Stake, BigInteger Minimum)> CheckAsync(string provider)
    {
        var staked = await _staking.IsStakedQueryAsync(provider);
        var stake = await _staking.StakeOfQueryAsync(provider);
        var minimum = await _staking.MinStakeQueryAsync();
        return (staked, stake, minimum);
    }
}
