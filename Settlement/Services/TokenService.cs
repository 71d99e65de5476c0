using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.Token;

namespace OrleansAI.Settlement.Services;

/// <summary>
/// ERC-20 calls on OAIToken or any job token (the escrow takes any ERC-20), plus OAI's vote delegation.
/// </summary>
public sealed class TokenService
{
    private readonly SettlementSigner _signer;

    /// <summary>Binds the calls to the token at <paramref name="contractAddress"/>, signed by <paramref name="signer"/>.</summary>
    public TokenService(SettlementSigner signer, string contractAddress)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractAddress);
        _signer = signer;
        ContractAddress = contractAddress;
    }

    /// <summary>The token.</summary>
    public string ContractAddress { get; }

    /// <summary>Balance of an account, in wei.</summary>
    public Task<BigInteger> BalanceOfQueryAsync(string account, BlockParameter? block = null) =>
        _signer.QueryAsync<BalanceOfFunction, BigInteger>(ContractAddress, new BalanceOfFunction { Account = account }, block);

    /// <summary>What <paramref name="spender"/> may still pull from <paramref name="owner"/>.</summary>
    public Task<BigInteger> AllowanceQueryAsync(string owner, string spender, BlockParameter? block = null) =>
        _signer.QueryAsync<AllowanceFunction, BigInteger>(ContractAddress, new AllowanceFunction { Owner = owner, Spender = spender }, block);

    /// <summary>Total supply, in wei.</summary>
    public Task<BigInteger> TotalSupplyQueryAsync(BlockParameter? block = null) =>
        _signer.QueryAsync<TotalSupplyFunction, BigInteger>(ContractAddress, new TotalSupplyFunction(), block);

    /// <summary>Delegated votes of an account.</summary>
    public Task<BigInteger> GetVotesQueryAsync(string account, BlockParameter? block = null) =>
        _signer.QueryAsync<GetVotesFunction, BigInteger>(ContractAddress, new GetVotesFunction { Account = account }, block);

    /// <summary>Transfers from the signer.</summary>
    public Task<TransactionReceipt> TransferRequestAndWaitForReceiptAsync(string to, BigInteger amount, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new TransferFunction { To = to, Value = amount }, cancellationToken);

    /// <summary>Lets a contract pull from the signer (staking, escrow, rewards and registry all pull).</summary>
    public Task<TransactionReceipt> ApproveRequestAndWaitForReceiptAsync(string spender, BigInteger amount, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new ApproveFunction { Spender = spender, Value = amount }, cancellationToken);

    /// <summary>Delegates the signer's votes (OAI only); balances count for governance only once delegated.</summary>
    public Task<TransactionReceipt> DelegateRequestAndWaitForReceiptAsync(string delegatee, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new DelegateFunction { Delegatee = delegatee }, cancellationToken);
}
