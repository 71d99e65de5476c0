using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using OrleansAI.Settlement.Contracts.Governance;
using OrleansAI.Settlement.Contracts.JobEscrow;
using OrleansAI.Settlement.Contracts.ModelRegistry;
using OrleansAI.Settlement.Contracts.Rewards;
using OrleansAI.Settlement.Contracts.Staking;
using OrleansAI.Settlement.Contracts.Token;

namespace OrleansAI.Settlement.Deployment;

/// <summary>
/// Deploys the six platform contracts in the documented order and wires their roles, one key per
/// role (platform, slasher, arbiter, guardian)
/// (docs/contracts.md, "Deployment and roles").
/// </summary>
/// <remarks>
/// The order matters in one place: Staking must have Rewards as its stake listener before anyone
/// stakes, or early stakers earn nothing until their weight is refreshed. Everything is sent from
/// one signer, in sequence (each step needs the previous address); every step is a checked
/// transaction, so a failed deployment stops with the step and the decoded revert.
/// </remarks>
public sealed class ContractDeployer
{
    private readonly SettlementSigner _deployer;
    private readonly TextWriter? _log;

    /// <summary>Deploys from <paramref name="deployer"/>; progress lines go to <paramref name="log"/> when given.</summary>
    public ContractDeployer(SettlementSigner deployer, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        _deployer = deployer;
        _log = log;
    }

    /// <summary>Deploys and wires everything; returns the record to save with <see cref="DeploymentFile.Save"/>.</summary>
    /// <exception cref="SettlementException">A deployment or role grant reverted.</exception>
    public async Task<DeploymentFile> DeployAsync(DeploymentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await _deployer.EnsureChainIdAsync(cancellationToken).ConfigureAwait(false);
        var me = _deployer.Address;
        var platform = parameters.Platform ?? me;
        var treasury = parameters.Treasury ?? me;
        // One key per role: the party that pays or slashes never rules on it. The contracts refuse an
        // arbiter that pays or slashes; the platform/slasher split is this deployer's rule.
        if (parameters.Slasher is { } slasherAccount && (Same(slasherAccount, platform) || (parameters.Arbiter is { } a && Same(slasherAccount, a))))
        {
            throw new ArgumentException($"The slasher ({slasherAccount}) must be a key of its own, not the platform's or the arbiter's.", nameof(parameters));
        }

        if (parameters.Arbiter is { } arbiterAccount && Same(arbiterAccount, platform))
        {
            throw new ArgumentException($"The arbiter ({arbiterAccount}) must not be the platform key.", nameof(parameters));
        }

        var holder = parameters.TokenHolder ?? me;

        // 1. Token.
        var tokenReceipt = await DeployAsync("OAIToken", new OAITokenDeployment { Holder = holder, TotalSupply = parameters.TotalSupply }, cancellationToken)
            .ConfigureAwait(false);
        var token = tokenReceipt.ContractAddress;
        if (string.Equals(holder, me, StringComparison.OrdinalIgnoreCase))
        {
            await new TokenService(_deployer, token).DelegateRequestAndWaitForReceiptAsync(me, cancellationToken).ConfigureAwait(false);
        }

        // 2. Staking.
        var staking = (await DeployAsync(
            "Staking",
            new StakingDeployment
            {
                Token = token,
                Admin = me,
                Treasury = treasury,
                MinStake = parameters.MinStake,
                UnbondingPeriod = Seconds(parameters.UnbondingPeriod),
                MaxSlashBps = parameters.MaxSlashBps,
            },
            cancellationToken).ConfigureAwait(false)).ContractAddress;

        // 3. Rewards, wired as Staking's listener before anyone can stake.
        var rewards = (await DeployAsync(
            "Rewards",
            new RewardsDeployment { RewardToken = token, Staking = staking, Admin = me, Treasury = treasury, EpochDuration = Seconds(parameters.EpochDuration) },
            cancellationToken).ConfigureAwait(false)).ContractAddress;
        var stakingService = new StakingService(_deployer, staking);
        await stakingService.SetStakeListenerRequestAndWaitForReceiptAsync(rewards, cancellationToken).ConfigureAwait(false);
        Log("Staking stake listener -> Rewards");

        // 4. Escrow.
        var escrow = (await DeployAsync(
            "JobEscrow",
            new JobEscrowDeployment
            {
                Admin = me,
                Treasury = treasury,
                FeeBps = parameters.FeeBps,
                DisputeWindow = Seconds(parameters.DisputeWindow),
                Staking = parameters.RequireStakeToBid ? staking : EthAddresses.Zero,
            },
            cancellationToken).ConfigureAwait(false)).ContractAddress;

        // 5. Registry.
        var registry = (await DeployAsync(
            "ModelRegistry", new ModelRegistryDeployment { Admin = me, MaxContributorBps = parameters.MaxContributorBps }, cancellationToken)
            .ConfigureAwait(false)).ContractAddress;

        // 6. Governance.
        var governance = (await DeployAsync(
            "Governance",
            new GovernanceDeployment
            {
                Token = token,
                ProposalThreshold = parameters.ProposalThreshold,
                QuorumBps = parameters.QuorumBps,
                VotingDelay = Seconds(parameters.VotingDelay),
                VotingPeriod = Seconds(parameters.VotingPeriod),
                TimelockDelay = Seconds(parameters.TimelockDelay),
            },
            cancellationToken).ConfigureAwait(false)).ContractAddress;

        // 7. Roles: Governance governs; the platform signer operates.
        var stakingRoles = stakingService.Roles;
        var rewardsRoles = new AccessControlService(_deployer, rewards);
        var escrowRoles = new AccessControlService(_deployer, escrow);
        var registryRoles = new AccessControlService(_deployer, registry);
        AccessControlService[] governed = [stakingRoles, rewardsRoles, escrowRoles, registryRoles];
        foreach (var contract in governed)
        {
            await GrantAsync(contract, Roles.Governor, governance, cancellationToken).ConfigureAwait(false);
        }

        var arbiter = parameters.Arbiter ?? governance;
        if (parameters.Slasher is { } slasher)
        {
            await GrantAsync(stakingRoles, Roles.Slasher, slasher, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Log("no slasher named: SLASHER_ROLE is not granted (slashing is off until governance grants it)");
        }

        await GrantAsync(stakingRoles, Roles.Arbiter, arbiter, cancellationToken).ConfigureAwait(false);
        await GrantAsync(escrowRoles, Roles.Platform, platform, cancellationToken).ConfigureAwait(false);
        await GrantAsync(escrowRoles, Roles.Arbiter, arbiter, cancellationToken).ConfigureAwait(false);
        await GrantAsync(rewardsRoles, Roles.Platform, platform, cancellationToken).ConfigureAwait(false);
        await GrantAsync(registryRoles, Roles.Platform, platform, cancellationToken).ConfigureAwait(false);
        if (parameters.Guardian is { } guardian)
        {
            foreach (var contract in governed)
            {
                await GrantAsync(contract, Roles.Guardian, guardian, cancellationToken).ConfigureAwait(false);
            }
        }

        if (parameters.HandAdminToGovernance)
        {
            foreach (var contract in governed)
            {
                await GrantAsync(contract, Roles.DefaultAdmin, governance, cancellationToken).ConfigureAwait(false);
                await contract.RenounceRoleRequestAndWaitForReceiptAsync(Roles.DefaultAdmin, cancellationToken).ConfigureAwait(false);
            }

            Log("DEFAULT_ADMIN_ROLE handed to Governance; the deployer renounced it");
        }

        return new DeploymentFile
        {
            ChainId = _deployer.ChainId,
            Deployer = me,
            Platform = platform,
            Slasher = parameters.Slasher,
            Arbiter = arbiter,
            Guardian = parameters.Guardian,
            Treasury = treasury,
            BlockNumber = (ulong)tokenReceipt.BlockNumber.Value,
            DeployedAt = DateTimeOffset.UtcNow,
            Contracts = new ContractAddresses
            {
                Token = token,
                Staking = staking,
                Rewards = rewards,
                JobEscrow = escrow,
                ModelRegistry = registry,
                Governance = governance,
            },
        };
    }

    /// <summary>
    /// True when the node serves the file's chain and every contract in it has code: the check that
    /// tells a still-running chain from a restarted Anvil (which forgets everything) before reusing a file.
    /// </summary>
    public static async Task<bool> IsDeployedAsync(IWeb3 web3, DeploymentFile deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(deployment);
        var chainId = await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (chainId.Value != deployment.ChainId)
        {
            return false;
        }

        foreach (var (_, address) in deployment.Contracts.All)
        {
            var code = await web3.Eth.GetCode.SendRequestAsync(address, BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(code) || code == "0x")
            {
                return false;
            }
        }

        return true;
    }

    private async Task<TransactionReceipt> DeployAsync<TDeployment>(string name, TDeployment message, CancellationToken cancellationToken)
        where TDeployment : Nethereum.Contracts.ContractDeploymentMessage, new()
    {
        var receipt = await _deployer.DeployAsync(message, cancellationToken).ConfigureAwait(false);
        receipt.ContractAddress = EthAddresses.Checksum(receipt.ContractAddress);
        Log($"{name,-14} {receipt.ContractAddress} (block {receipt.BlockNumber.Value}, gas {receipt.GasUsed.Value})");
        return receipt;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private async Task GrantAsync(AccessControlService contract, Bytes32 role, string account, CancellationToken cancellationToken)
    {
        if (!await contract.HasRoleQueryAsync(role, account).ConfigureAwait(false))
        {
            await contract.GrantRoleRequestAndWaitForReceiptAsync(role, account, cancellationToken).ConfigureAwait(false);
        }

        Log($"{Roles.NameOf(role)} on {contract.ContractAddress} -> {account}");
    }

    private static BigInteger Seconds(TimeSpan span) => new((long)span.TotalSeconds);

    private void Log(string line) => _log?.WriteLine(line);
}
