using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Constructor of ModelRegistry.</summary>
public sealed class ModelRegistryDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of ModelRegistry.</summary>
    public ModelRegistryDeployment()
        : base(ContractArtifacts.ModelRegistry.Bytecode)
    {
    }

    /// <summary>Receives DEFAULT_ADMIN_ROLE.</summary>
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = string.Empty;

    /// <summary>Cap for the sum of contributor shares.</summary>
    [Parameter("uint256", "maxContributorBps_", 2)]
    public BigInteger MaxContributorBps { get; set; }
}
