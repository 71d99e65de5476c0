using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Governance;

/// <summary>Constructor of Governance (token-weighted proposals with a built-in timelock).</summary>
public sealed class GovernanceDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of Governance.</summary>
    public GovernanceDeployment()
        : base(ContractArtifacts.Governance.Bytecode)
    {
    }

    /// <summary>OAIToken (timestamp clock).</summary>
    [Parameter("address", "token_", 1)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Votes a proposer needs.</summary>
    [Parameter("uint256", "proposalThreshold_", 2)]
    public BigInteger ProposalThreshold { get; set; }

    /// <summary>Quorum as bps of the supply.</summary>
    [Parameter("uint256", "quorumBps_", 3)]
    public BigInteger QuorumBps { get; set; }

    /// <summary>Seconds from proposal to snapshot.</summary>
    [Parameter("uint256", "votingDelay_", 4)]
    public BigInteger VotingDelay { get; set; }

    /// <summary>Voting period in seconds.</summary>
    [Parameter("uint256", "votingPeriod_", 5)]
    public BigInteger VotingPeriod { get; set; }

    /// <summary>Timelock in seconds.</summary>
    [Parameter("uint256", "timelockDelay_", 6)]
    public BigInteger TimelockDelay { get; set; }
}
