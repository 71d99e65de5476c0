namespace OrleansAI.Settlement.Services;

/// <summary>
/// What every service for one of our role-managed contracts shares: the signer its calls go
/// through, the contract's address, and role management on that contract.
/// </summary>
public abstract class RoleManagedContractService
{
    /// <summary>Binds the calls to the contract at <paramref name="contractAddress"/>, signed by <paramref name="signer"/>.</summary>
    protected RoleManagedContractService(SettlementSigner signer, string contractAddress)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractAddress);
        Signer = signer;
        ContractAddress = contractAddress;
        Roles = new AccessControlService(signer, contractAddress);
    }

    /// <summary>The contract.</summary>
    public string ContractAddress { get; }

    /// <summary>Role management on this contract.</summary>
    public AccessControlService Roles { get; }

    /// <summary>The signer every call goes through.</summary>
    protected SettlementSigner Signer { get; }
}
