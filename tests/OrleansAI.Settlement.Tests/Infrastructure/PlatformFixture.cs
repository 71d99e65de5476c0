using System.Numerics;
using OrleansAI.Settlement.Deployment;

namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// A fresh deployment of the six contracts for one test class, with funded actors: account 0
/// deploys (admin, token holder), 1 is the platform (PLATFORM, SLASHER, ARBITER), 2 and 6 are
/// providers, 3 the client, 4 an outsider without roles, 5 the treasury.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan UnbondingPeriod = TimeSpan.FromHours(1);
    public static readonly TimeSpan DisputeWindow = TimeSpan.FromHours(1);
    public const int FeeBps = 250;

    internal static readonly BigInteger Funding = 10_000 * TestChain.Oai;

    public DeploymentFile Deployment { get; private set; } = null!;

    internal Actor Admin { get; private set; } = null!;

    internal Actor Platform { get; private set; } = null!;

    internal Actor Provider { get; private set; } = null!;

    internal Actor SecondProvider { get; private set; } = null!;

    internal Actor Client { get; private set; } = null!;

    internal Actor Outsider { get; private set; } = null!;

    public static string Treasury => TestChain.AddressOf(5);

    public TimeSpan DeploymentTime { get; private set; }

    public async Task InitializeAsync()
    {
        await TestChain.EnsureReadyAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Deployment = await new ContractDeployer(TestChain.Signer(0)).DeployAsync(
            new DeploymentParameters
            {
                Platform = TestChain.AddressOf(1),
                Treasury = Treasury,
                UnbondingPeriod = UnbondingPeriod,
                DisputeWindow = DisputeWindow,
                FeeBps = FeeBps,
                MinStake = 100 * TestChain.Oai,
            },
            CancellationToken.None);
        DeploymentTime = started.Elapsed;
        Admin = new Actor(TestChain.Signer(0), Deployment);
        Platform = new Actor(TestChain.Signer(1), Deployment);
        Provider = new Actor(TestChain.Signer(2), Deployment);
        Client = new Actor(TestChain.Signer(3), Deployment);
        Outsider = new Actor(TestChain.Signer(4), Deployment);
        SecondProvider = new Actor(TestChain.Signer(6), Deployment);
        await Task.WhenAll(
            new[] { Provider, SecondProvider, Client, Outsider }
                .Select(actor => Admin.Token.TransferRequestAndWaitForReceiptAsync(actor.Address, Funding, CancellationToken.None)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Posts and funds a job from the client, with a deadline 30 days out on the chain clock.</summary>
    internal async Task<Bytes32> PostJobAsync(string key, BigInteger budget)
    {
        var jobId = SettlementIds.JobId(Client.Address, key);
        await Client.Token.ApproveRequestAndWaitForReceiptAsync(Deployment.Contracts.JobEscrow, budget, CancellationToken.None);
        var deadline = (await TestChain.LatestTimestampAsync()).AddDays(30);
        await Client.Escrow.PostJobRequestAndWaitForReceiptAsync(
            jobId, Bytes32.Keccak("spec:" + key), Deployment.Contracts.Token, budget, deadline, CancellationToken.None);
        return jobId;
    }

    /// <summary>Stakes from an actor (approve + stake).</summary>
    internal async Task StakeAsync(Actor provider, BigInteger amount)
    {
        await provider.Token.ApproveRequestAndWaitForReceiptAsync(Deployment.Contracts.Staking, amount, CancellationToken.None);
        await provider.Staking.StakeRequestAndWaitForReceiptAsync(amount, CancellationToken.None);
    }
}
