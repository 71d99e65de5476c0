using System.Net.Http.Json;
using Grpc.Core;
using Nethereum.Signer;
using Nethereum.Web3;

namespace OrleansAI.Network.Tests;

/// <summary>With the contracts deployed, only providers staked on chain are admitted to the network.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class StakeAdmissionTests : IAsyncLifetime
{
    private const long ChainId = 31337;
    private readonly string _deploymentPath = Path.Combine(Path.GetTempPath(), $"oai-deployment-{Guid.NewGuid():N}.json");
    private SettlementSigner? _deployer;
    private DeploymentFile? _deployment;
    private LocalNetwork? _network;

    public async Task InitializeAsync()
    {
        // A fresh deployer funded through Anvil: other test assemblies use the chain at the same time.
        _deployer = new SettlementSigner(LocalServices.AnvilUrl, ChainId, await FundedKeyAsync());
        _deployment = await new ContractDeployer(_deployer).DeployAsync(new DeploymentParameters(), CancellationToken.None);
        _deployment.Save(_deploymentPath);
        _network = await LocalNetwork.StartAsync(providers: 0, apiSettings: new Dictionary<string, string?> { ["Chain:DeploymentFile"] = _deploymentPath });
    }

    public async Task DisposeAsync()
    {
        await _network!.DisposeAsync();
        File.Delete(_deploymentPath);
    }

    [Fact]
    public async Task AnUnstakedProviderIsRefusedUntilItStakesTheMinimum()
    {
        var key = EthECKey.GenerateKey();
        var gateway = new ProviderGateway.ProviderGatewayClient(_network!.Channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => ConnectAsync(gateway, key));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("stake of at least 100 OAI", refused.Status.Detail, StringComparison.Ordinal);

        await StakeAsync(key);
        var registered = await ConnectAsync(gateway, key);
        Assert.Equal(MessageSignatures.AddressOf(key), registered.Address);
    }

    [Fact]
    public async Task TheApiMirrorsAStakeFromTheChainsEvents()
    {
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        await StakeAsync(key);

        System.Text.Json.JsonElement stake = default;
        await LocalNetwork.Until(() =>
        {
            stake = _network!.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/providers/{address}/stake").GetAwaiter().GetResult();
            return stake.GetProperty("active").GetString() != "0";
        }, TimeSpan.FromSeconds(15), "the mirror to see the stake");

        Assert.Equal((100 * System.Numerics.BigInteger.Pow(10, 18)).ToString(System.Globalization.CultureInfo.InvariantCulture), stake.GetProperty("active").GetString());
        Assert.Equal("0", stake.GetProperty("slashed").GetString());
        var chain = await _network!.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/chain");
        Assert.True(chain.GetProperty("synced").GetBoolean());
        Assert.True(chain.GetProperty("stakedProviders").GetInt32() >= 1);
    }

    [Fact]
    public async Task AProviderThatUnbondsIsSignedOutWithinAPollOfTheChain()
    {
        var key = EthECKey.GenerateKey();
        var gateway = new ProviderGateway.ProviderGatewayClient(_network!.Channel);
        await StakeAsync(key);
        using var call = await RawProvider.ConnectAsync(gateway, key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.NotNull(call.ResponseStream.Current.Registered);

        var provider = new SettlementSigner(LocalServices.AnvilUrl, ChainId, key.GetPrivateKey());
        var staking = new StakingService(provider, _deployment!.Contracts.Staking);
        await staking.RequestUnbondRequestAndWaitForReceiptAsync(await staking.StakeOfQueryAsync(provider.Address), CancellationToken.None);

        // The mirror polls every 2 s; the gateway says why before it ends the stream.
        string? closing = null;
        while (closing is null && await call.ResponseStream.MoveNext(timeout.Token))
        {
            closing = call.ResponseStream.Current.Closing?.Reason;
        }

        Assert.Contains("stake", closing, StringComparison.Ordinal);
        Assert.Contains("below the minimum", closing, StringComparison.Ordinal);
    }

    private Task StakeAsync(EthECKey key) => LocalChain.StakeMinimumAsync(_deployer!, _deployment!, key);

    private static async Task<Registered> ConnectAsync(ProviderGateway.ProviderGatewayClient gateway, EthECKey key)
    {
        using var call = await RawProvider.ConnectAsync(gateway, key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        return call.ResponseStream.Current.Registered;
    }

    private static async Task<string> FundedKeyAsync()
    {
        var key = EthECKey.GenerateKey();
        await LocalChain.FundAsync(MessageSignatures.AddressOf(key));
        return key.GetPrivateKey();
    }
}
