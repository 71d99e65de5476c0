namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>One account's view of a deployment: every contract service, signed by that account.</summary>
internal sealed class Actor
{
    public Actor(SettlementSigner signer, DeploymentFile deployment)
    {
        Signer = signer;
        Token = new TokenService(signer, deployment.Contracts.Token);
        Staking = new StakingService(signer, deployment.Contracts.Staking);
        Rewards = new RewardsService(signer, deployment.Contracts.Rewards);
        Escrow = new JobEscrowService(signer, deployment.Contracts.JobEscrow);
        Registry = new ModelRegistryService(signer, deployment.Contracts.ModelRegistry);
    }

    public SettlementSigner Signer { get; }

    public string Address => Signer.Address;

    public TokenService Token { get; }

    public StakingService Staking { get; }

    public RewardsService Rewards { get; }

    public JobEscrowService Escrow { get; }

    public ModelRegistryService Registry { get; }
}
