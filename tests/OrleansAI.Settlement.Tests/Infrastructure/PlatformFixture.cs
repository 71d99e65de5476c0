using System.Numerics;

namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// A fresh deployment of the six contracts for one test class, with its own funded accounts: the
/// admin deploys and holds the supply, the platform holds PLATFORM, SLASHER and ARBITER, two
/// providers, a client, an outsider without roles, and a treasury that only receives.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan UnbondingPeriod = TimeSpan.FromHours(1);
    public static readonly TimeSpan DisputeWindow = TimeSpan.FromHours(1);

    /// <summary>Staking's slash dispute window once <see cref="UseShortSlashDisputeWindowAsync"/> has run (the contract's default is 2 days).</summary>
    public static readonly TimeSpan SlashDisputeWindow = TimeSpan.FromHours(1);
    public const int FeeBps = 250;

    internal static readonly BigInteger Funding = 10_000 * TestChain.Oai;

    public DeploymentFile Deployment { get; private set; } = null!;

    internal Actor Admin { get; private set; } = null!;

    internal Actor Platform { get; private set; } = null!;

    internal Actor Provider { get; private set; } = null!;

    internal Actor SecondProvider { get; private set; } = null!;

    internal Actor Client { get; private set; } = null!;

    internal Actor Outsider { get; private set; } = null!;

    /// <summary>SLASHER_ROLE on Staking, a key of its own.</summary>
    internal Actor Slasher { get; private set; } = null!;

    /// <summary>ARBITER_ROLE on Staking and JobEscrow, a key of its own.</summary>
    internal Actor Arbiter { get; private set; } = null!;

    public string Treasury { get; } = TestChain.NewAddress();

    public TimeSpan DeploymentTime { get; private set; }

    private Lazy<Task> _shortSlashDisputeWindow = null!;

    public async Task InitializeAsync()
    {
        var signers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestChain.NewFundedSignerAsync()));
        var started = System.Diagnostics.Stopwatch.StartNew();
        Deployment = await new ContractDeployer(signers[0]).DeployAsync(
            new DeploymentParameters
            {
                Platform = signers[1].Address,
                Slasher = signers[6].Address,
                Arbiter = signers[7].Address,
                Treasury = Treasury,
                UnbondingPeriod = UnbondingPeriod,
                DisputeWindow = DisputeWindow,
                FeeBps = FeeBps,
                MinStake = 100 * TestChain.Oai,
            },
            CancellationToken.None);
        DeploymentTime = started.Elapsed;
        Admin = new Actor(signers[0], Deployment);
        Platform = new Actor(signers[1], Deployment);
        Provider = new Actor(signers[2], Deployment);
        SecondProvider = new Actor(signers[3], Deployment);
        Client = new Actor(signers[4], Deployment);
        Outsider = new Actor(signers[5], Deployment);
        Slasher = new Actor(signers[6], Deployment);
        Arbiter = new Actor(signers[7], Deployment);
        _shortSlashDisputeWindow = new Lazy<Task>(ShortenSlashDisputeWindowAsync);

        // Slashes may credit a wronged client only where governance allows it: the admin, as
        // governor of this deployment, allows the fixture's client.
        await Admin.Staking.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Governor, Admin.Address, CancellationToken.None);
        await Admin.Staking.SetSlashDestinationRequestAndWaitForReceiptAsync(Client.Address, true, CancellationToken.None);

        // Concurrent sends from one signer: its nonce service keeps them apart.
        await Task.WhenAll(
            new[] { Provider, SecondProvider, Client, Outsider }
                .Select(actor => Admin.Token.TransferRequestAndWaitForReceiptAsync(actor.Address, Funding, CancellationToken.None)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ShortenSlashDisputeWindowAsync()
    {
        await Admin.Staking.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Governor, Admin.Address, CancellationToken.None);
        await Admin.Staking.SetDisputeWindowRequestAndWaitForReceiptAsync(SlashDisputeWindow, CancellationToken.None);
    }

    /// <summary>
    /// Posts and funds a job from the client, with an escrow deadline 30 days out on the chain clock,
    /// and starts it from the platform (payments need a started job) with a job deadline 20 days out.
    /// </summary>
    internal async Task<Bytes32> PostJobAsync(string key, BigInteger budget)
    {
        var jobId = await PostUnstartedJobAsync(key, budget);
        await Platform.Escrow.StartJobRequestAndWaitForReceiptAsync(jobId, (await TestChain.LatestTimestampAsync()).AddDays(20), CancellationToken.None);
        return jobId;
    }

    /// <summary>Posts and funds a job the platform has not started (escrow deadline 30 days out).</summary>
    internal async Task<Bytes32> PostUnstartedJobAsync(string key, BigInteger budget)
    {
        var jobId = SettlementIds.JobId(Client.Address, key);
        await Client.Token.ApproveRequestAndWaitForReceiptAsync(Deployment.Contracts.JobEscrow, budget, CancellationToken.None);
        var deadline = (await TestChain.LatestTimestampAsync()).AddDays(30);
        await Client.Escrow.PostJobRequestAndWaitForReceiptAsync(
            jobId, Bytes32.Keccak("spec:" + key), Deployment.Contracts.Token, budget, deadline, CancellationToken.None);
        return jobId;
    }

    /// <summary>
    /// Sets Staking's slash dispute window to <see cref="SlashDisputeWindow"/>, once per fixture: tests
    /// share Anvil's clock and only ever move it by hours. GOVERNOR_ROLE belongs to Governance, so the
    /// admin grants it to itself first (only this fixture's deployment is affected).
    /// </summary>
    internal Task UseShortSlashDisputeWindowAsync() => _shortSlashDisputeWindow.Value;

    /// <summary>A fresh provider account funded with OAI from the admin, with <paramref name="stake"/> bonded.</summary>
    internal async Task<Actor> NewStakedProviderAsync(BigInteger stake)
    {
        var provider = new Actor(await TestChain.NewFundedSignerAsync(), Deployment);
        await Admin.Token.TransferRequestAndWaitForReceiptAsync(provider.Address, stake, CancellationToken.None);
        await StakeAsync(provider, stake);
        return provider;
    }

    /// <summary>Stakes from an actor (approve + stake).</summary>
    internal async Task StakeAsync(Actor provider, BigInteger amount)
    {
        await provider.Token.ApproveRequestAndWaitForReceiptAsync(Deployment.Contracts.Staking, amount, CancellationToken.None);
        await provider.Staking.StakeRequestAndWaitForReceiptAsync(amount, CancellationToken.None);
    }
}
