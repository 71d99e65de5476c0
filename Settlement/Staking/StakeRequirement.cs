using System.Numerics;
using Nethereum.Signer;
using OrleansAI.Settlement.Deployment;

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

    /// <summary>Whether the provider's active stake meets the minimum (one chain read).</summary>
    public Task<bool> IsStakedAsync(string provider) => _staking.IsStakedQueryAsync(provider);

    /// <summary>The minimum active stake, in token wei.</summary>
    public Task<BigInteger> MinimumAsync() => _staking.MinStakeQueryAsync();

    /// <summary>The provider's active stake and the minimum, in token wei: what a refusal reports.</summary>
    public async Task<(BigInteger Stake, BigInteger Minimum)> StakeAndMinimumAsync(string provider) =>
        (await _staking.StakeOfQueryAsync(provider), await _staking.MinStakeQueryAsync());
}
