using System.Numerics;

namespace OrleansAI.Settlement.Deployment;

/// <summary>
/// Constructor arguments and role holders for a deployment. The defaults suit a local chain; every
/// value is within the bounds the contracts enforce (docs/contracts.md).
/// </summary>
public sealed record DeploymentParameters
{
    private static readonly BigInteger Oai = BigInteger.Pow(10, 18);

    /// <summary>Gets PLATFORM_ROLE (JobEscrow, Rewards, ModelRegistry); null means the deployer.</summary>
    public string? Platform { get; init; }

    /// <summary>
    /// Gets SLASHER_ROLE on Staking; must differ from <see cref="Platform"/> and <see cref="Arbiter"/>.
    /// Null grants it to nobody: slashing stays off until governance grants it.
    /// </summary>
    public string? Slasher { get; init; }

    /// <summary>
    /// Gets ARBITER_ROLE on Staking and JobEscrow; null means Governance (rulings by proposal). Must
    /// differ from <see cref="Platform"/> and <see cref="Slasher"/> (the contracts refuse otherwise).
    /// </summary>
    public string? Arbiter { get; init; }

    /// <summary>Gets GUARDIAN_ROLE (may pause, never unpause) on the four contracts that move funds; null means none.</summary>
    public string? Guardian { get; init; }

    /// <summary>Receives fees, unallocated rewards and default slashes; null means the deployer.</summary>
    public string? Treasury { get; init; }

    /// <summary>Receives the whole OAI supply; null means the deployer (which then delegates its votes to itself).</summary>
    public string? TokenHolder { get; init; }

    /// <summary>Fixed OAI supply in wei (default one billion OAI).</summary>
    public BigInteger TotalSupply { get; init; } = 1_000_000_000 * Oai;

    /// <summary>Minimum active stake to bid (default 100 OAI).</summary>
    public BigInteger MinStake { get; init; } = 100 * Oai;

    /// <summary>Unbonding cooldown (at most 365 days).</summary>
    public TimeSpan UnbondingPeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Largest share of a provider's stake one slash may take, in bps.</summary>
    public int MaxSlashBps { get; init; } = 5_000;

    /// <summary>Rewards epoch length (at least one day).</summary>
    public TimeSpan EpochDuration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Platform fee on every task payment, in bps (at most 2,000).</summary>
    public int FeeBps { get; init; } = 250;

    /// <summary>Dispute window after a job completes (at most 30 days).</summary>
    public TimeSpan DisputeWindow { get; init; } = TimeSpan.FromDays(2);

    /// <summary>When true, only staked providers may bid (the escrow gets the Staking address).</summary>
    public bool RequireStakeToBid { get; init; } = true;

    /// <summary>Cap for the sum of contributor revenue shares of a model, in bps.</summary>
    public int MaxContributorBps { get; init; } = 5_000;

    /// <summary>Votes a proposer needs (default 100,000 OAI).</summary>
    public BigInteger ProposalThreshold { get; init; } = 100_000 * Oai;

    /// <summary>Quorum as bps of the supply.</summary>
    public int QuorumBps { get; init; } = 400;

    /// <summary>From proposal to vote snapshot (1 s to 30 days).</summary>
    public TimeSpan VotingDelay { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Voting period (1 hour to 60 days).</summary>
    public TimeSpan VotingPeriod { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Timelock between queueing and execution (1 hour to 30 days).</summary>
    public TimeSpan TimelockDelay { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Step 7's last part: grant DEFAULT_ADMIN_ROLE to Governance and have the deployer renounce it.
    /// Off by default, because on a development chain the deployer keeps the keys to rewire roles.
    /// </summary>
    public bool HandAdminToGovernance { get; init; }
}
