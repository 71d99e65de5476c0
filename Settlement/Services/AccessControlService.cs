using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.AccessControl;

namespace OrleansAI.Settlement.Services;

/// <summary>
/// OpenZeppelin AccessControl calls, and the emergency pause, on one contract (Staking, Rewards, JobEscrow, ModelRegistry all
/// inherit it); each contract service exposes one as <c>Roles</c>.
/// </summary>
public sealed class AccessControlService
{
    private readonly SettlementSigner _signer;

    /// <summary>Binds the calls to <paramref name="contractAddress"/>, signed by <paramref name="signer"/>.</summary>
    public AccessControlService(SettlementSigner signer, string contractAddress)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractAddress);
        _signer = signer;
        ContractAddress = contractAddress;
    }

    /// <summary>The contract.</summary>
    public string ContractAddress { get; }

    /// <summary>Whether <paramref name="account"/> holds <paramref name="role"/>.</summary>
    public Task<bool> HasRoleQueryAsync(Bytes32 role, string account, BlockParameter? block = null) =>
        _signer.QueryAsync<HasRoleFunction, bool>(ContractAddress, new HasRoleFunction { Role = role.ToArray(), Account = account }, block);

    /// <summary>Grants a role (the signer must hold the role's admin role, DEFAULT_ADMIN_ROLE here).</summary>
    public Task<TransactionReceipt> GrantRoleRequestAndWaitForReceiptAsync(Bytes32 role, string account, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new GrantRoleFunction { Role = role.ToArray(), Account = account }, cancellationToken);

    /// <summary>Revokes a role.</summary>
    public Task<TransactionReceipt> RevokeRoleRequestAndWaitForReceiptAsync(Bytes32 role, string account, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new RevokeRoleFunction { Role = role.ToArray(), Account = account }, cancellationToken);

    /// <summary>Whether the contract is paused (EmergencyPause).</summary>
    public Task<bool> PausedQueryAsync(BlockParameter? block = null) =>
        _signer.QueryAsync<PausedFunction, bool>(ContractAddress, new PausedFunction(), block);

    /// <summary>Pauses the contract (the signer needs GUARDIAN_ROLE or GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> PauseRequestAndWaitForReceiptAsync(CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new PauseFunction(), cancellationToken);

    /// <summary>Lifts a pause (the signer needs GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> UnpauseRequestAndWaitForReceiptAsync(CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new UnpauseFunction(), cancellationToken);

    /// <summary>Gives up one of the signer's own roles (e.g. the deployer handing admin to Governance).</summary>
    public Task<TransactionReceipt> RenounceRoleRequestAndWaitForReceiptAsync(Bytes32 role, CancellationToken cancellationToken) =>
        _signer.SendAsync(ContractAddress, new RenounceRoleFunction { Role = role.ToArray(), CallerConfirmation = _signer.Address }, cancellationToken);
}
