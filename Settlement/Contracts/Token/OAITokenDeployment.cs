using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>Constructor of OAIToken: the whole fixed supply is minted once, to <see cref="Holder"/>.</summary>
public sealed class OAITokenDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of OAIToken.</summary>
    public OAITokenDeployment()
        : base(ContractArtifacts.Token.Bytecode)
    {
    }

    /// <summary>Receives the whole supply.</summary>
    [Parameter("address", "holder", 1)]
    public string Holder { get; set; } = string.Empty;

    /// <summary>Fixed supply in wei (18 decimals).</summary>
    [Parameter("uint256", "totalSupply_", 2)]
    public BigInteger TotalSupply { get; set; }
}
