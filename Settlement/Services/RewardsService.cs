using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.Rewards;

namespace OrleansAI.Settlement.Services;

/// <summary>Calls on the Rewards contract: epoch funding, reputation multipliers, claims.</summary>
public sealed class RewardsService(SettlementSigner signer, string contractAddress) : RoleManagedContractService(signer, contractAddress)
{

    /// <summary>The current epoch number.</summary>
    public Task<BigInteger> CurrentEpochQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<CurrentEpochFunction, BigInteger>(ContractAddress, new CurrentEpochFunction(), block);

    /// <summary>Rewards an account could claim now.</summary>
    public Task<BigInteger> EarnedQueryAsync(string account, BlockParameter? block = null) =>
        Signer.QueryAsync<EarnedFunction, BigInteger>(ContractAddress, new EarnedFunction { Account = account }, block);

    /// <summary>A provider's cached reward weight.</summary>
    public Task<BigInteger> WeightOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<WeightOfFunction, BigInteger>(ContractAddress, new WeightOfFunction { Provider = provider }, block);

    /// <summary>A provider's effective multiplier in bps.</summary>
    public Task<BigInteger> MultiplierOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<MultiplierOfFunction, BigInteger>(ContractAddress, new MultiplierOfFunction { Provider = provider }, block);

    /// <summary>Sum of all weights.</summary>
    public Task<BigInteger> TotalWeightQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<TotalWeightFunction, BigInteger>(ContractAddress, new TotalWeightFunction(), block);

    /// <summary>Funds an epoch's pool from the signer (approve Rewards on OAI first).</summary>
    public Task<TransactionReceipt> FundEpochRequestAndWaitForReceiptAsync(BigInteger epoch, BigInteger amount, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new FundEpochFunction { Epoch = epoch, Amount = amount }, cancellationToken);

    /// <summary>Pulls the signer's rewards.</summary>
    public Task<TransactionReceipt> ClaimRequestAndWaitForReceiptAsync(CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new ClaimRewardsFunction(), cancellationToken);

    /// <summary>Sets a provider's reputation multiplier (the signer needs PLATFORM_ROLE).</summary>
    public Task<TransactionReceipt> SetReputationRequestAndWaitForReceiptAsync(string provider, BigInteger multiplierBps, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetReputationFunction { Provider = provider, MultiplierBps = multiplierBps }, cancellationToken);

    /// <summary>Refreshes a provider's weight from its stake (permissionless).</summary>
    public Task<TransactionReceipt> OnStakeChangedRequestAndWaitForReceiptAsync(string provider, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new OnStakeChangedFunction { Provider = provider }, cancellationToken);
}
