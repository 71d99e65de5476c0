using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.ModelRegistry;

namespace OrleansAI.Settlement.Services;

/// <summary>Calls on the ModelRegistry contract: model versions, licences, revenue.</summary>
public sealed class ModelRegistryService(SettlementSigner signer, string contractAddress) : RoleManagedContractService(signer, contractAddress)
{

    /// <summary>Whether a user may use a model (bought, granted, or owner).</summary>
    public Task<bool> HasLicenseQueryAsync(string user, BigInteger modelId, BlockParameter? block = null) =>
        Signer.QueryAsync<HasLicenseFunction, bool>(ContractAddress, new HasLicenseFunction { User = user, ModelId = modelId }, block);

    /// <summary>Number of registered models.</summary>
    public Task<BigInteger> ModelCountQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<ModelCountFunction, BigInteger>(ContractAddress, new ModelCountFunction(), block);

    /// <summary>Revenue of a token an account can withdraw.</summary>
    public Task<BigInteger> ClaimableQueryAsync(string token, string account, BlockParameter? block = null) =>
        Signer.QueryAsync<RevenueClaimableFunction, BigInteger>(ContractAddress, new RevenueClaimableFunction { Token = token, Account = account }, block);

    /// <summary>Registers a model version (the signer needs PLATFORM_ROLE); read the id with <see cref="RegisteredModelId"/>.</summary>
    public Task<TransactionReceipt> RegisterModelRequestAndWaitForReceiptAsync(
        string owner,
        Bytes32 weightsHash,
        string metadataUri,
        BigInteger parentId,
        IReadOnlyList<(string Contributor, ushort ShareBps)> contributors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        return Signer.SendAsync(
            ContractAddress,
            new RegisterModelFunction
            {
                Owner = owner,
                WeightsHash = weightsHash.ToArray(),
                MetadataUri = metadataUri,
                ParentId = parentId,
                Contributors = [.. contributors.Select(c => c.Contributor)],
                SharesBps = [.. contributors.Select(c => c.ShareBps)],
            },
            cancellationToken);
    }

    /// <summary>Sets licence terms (the model owner).</summary>
    public Task<TransactionReceipt> SetLicenseTermsRequestAndWaitForReceiptAsync(
        BigInteger modelId, string token, BigInteger licensePrice, BigInteger usePrice, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new SetLicenseTermsFunction { ModelId = modelId, Token = token, LicensePrice = licensePrice, UsePrice = usePrice },
            cancellationToken);

    /// <summary>Grants a free licence (the model owner).</summary>
    public Task<TransactionReceipt> GrantLicenseRequestAndWaitForReceiptAsync(BigInteger modelId, string user, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new GrantLicenseFunction { ModelId = modelId, User = user }, cancellationToken);

    /// <summary>Transfers a model (the owner).</summary>
    public Task<TransactionReceipt> TransferModelOwnershipRequestAndWaitForReceiptAsync(BigInteger modelId, string newOwner, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new TransferModelOwnershipFunction { ModelId = modelId, NewOwner = newOwner }, cancellationToken);

    /// <summary>Buys a licence as the signer (approve the registry on the token first).</summary>
    public Task<TransactionReceipt> BuyLicenseRequestAndWaitForReceiptAsync(BigInteger modelId, string token, BigInteger maxPrice, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new BuyLicenseFunction { ModelId = modelId, Token = token, MaxPrice = maxPrice }, cancellationToken);

    /// <summary>Pays for uses as the signer (approve the registry first).</summary>
    public Task<TransactionReceipt> PayPerUseRequestAndWaitForReceiptAsync(
        BigInteger modelId, BigInteger uses, string token, BigInteger maxUnitPrice, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new PayPerUseFunction { ModelId = modelId, Uses = uses, Token = token, MaxUnitPrice = maxUnitPrice },
            cancellationToken);

    /// <summary>Withdraws the signer's revenue in a token.</summary>
    public Task<TransactionReceipt> WithdrawRequestAndWaitForReceiptAsync(string token, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new WithdrawRevenueFunction { Token = token }, cancellationToken);

    /// <summary>The id of the model a <c>registerModel</c> receipt registered.</summary>
    /// <exception cref="InvalidOperationException">The receipt has no <c>ModelRegistered</c> event.</exception>
    public static BigInteger RegisteredModelId(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var registered = receipt.DecodeAllEvents<ModelRegisteredEventDTO>();
        return registered.Count > 0
            ? registered[0].Event.ModelId
            : throw new InvalidOperationException($"Transaction {receipt.TransactionHash} registered no model.");
    }
}
