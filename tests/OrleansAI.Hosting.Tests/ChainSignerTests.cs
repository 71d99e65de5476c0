using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansAI.Hosting.Chain;
using OrleansAI.Settlement.Deployment;

namespace OrleansAI.Hosting.Tests;

/// <summary>
/// Issue #16: one key per chain role, and only silos sign. The Api calls AddOrleansAIDependencies
/// alone and so registers no signer whatever its configuration holds; a silo adds AddChainSigners.
/// </summary>
public sealed class ChainSignerTests : IDisposable
{
    private const string PlatformKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private const string SlasherKey = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    private readonly string _deploymentPath = Path.Combine(Path.GetTempPath(), $"oai-signers-{Guid.NewGuid():N}.json");

    public ChainSignerTests() =>
        new DeploymentFile
        {
            ChainId = LocalServices.ChainId,
            Deployer = "0x0000000000000000000000000000000000000001",
            Platform = "0x0000000000000000000000000000000000000002",
            Treasury = "0x0000000000000000000000000000000000000003",
            BlockNumber = 0,
            DeployedAt = DateTimeOffset.UnixEpoch,
            Contracts = new ContractAddresses
            {
                Token = "0x0000000000000000000000000000000000000010",
                Staking = "0x0000000000000000000000000000000000000011",
                Rewards = "0x0000000000000000000000000000000000000012",
                JobEscrow = "0x0000000000000000000000000000000000000013",
                ModelRegistry = "0x0000000000000000000000000000000000000014",
                Governance = "0x0000000000000000000000000000000000000015",
            },
        }.Save(_deploymentPath);

    public void Dispose() => File.Delete(_deploymentPath);

    private HostApplicationBuilder Builder(string? slasherKey)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
            ["Chain:DeploymentFile"] = _deploymentPath,
            ["Chain:PlatformKey"] = PlatformKey,
            ["Chain:SlasherKey"] = slasherKey,
        });
        return builder;
    }

    [Fact]
    public void AnApiConfiguredWithKeysRegistersNoSigner()
    {
        var builder = Builder(SlasherKey);
        builder.AddOrleansAIDependencies();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Null(services.GetService<ChainSigners>());
        Assert.Null(services.GetService<Settlement.SettlementSigner>());
        Assert.Null(services.GetService<Grains.Settlement.IJobSettlement>());
        Assert.Null(services.GetService<Grains.Verification.ISlasher>());
        Assert.Null(services.GetService<Grains.Settlement.IRewardsPublisher>());
    }

    [Fact]
    public void ASiloSignsWithOneKeyPerRole()
    {
        var builder = Builder(SlasherKey);
        builder.AddChainSigners(builder.AddOrleansAIDependencies());
        using var services = builder.Services.BuildServiceProvider();

        var signers = services.GetRequiredService<ChainSigners>();
        Assert.Equal("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", signers.Platform.Address, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("0x90F79bf6EB2c4f870365E785982E1f101E93b906", signers.Slasher!.Address, StringComparer.OrdinalIgnoreCase);
        Assert.Null(signers.Arbiter);
        Assert.NotNull(services.GetService<Grains.Settlement.IJobSettlement>());
        Assert.NotNull(services.GetService<Grains.Verification.ISlasher>());
    }

    [Fact]
    public void WithoutASlasherKeyASiloDoesNotSlash()
    {
        var builder = Builder(null);
        builder.AddChainSigners(builder.AddOrleansAIDependencies());
        using var services = builder.Services.BuildServiceProvider();

        Assert.NotNull(services.GetService<Grains.Settlement.IJobSettlement>());
        Assert.Null(services.GetService<Grains.Verification.ISlasher>());
    }

    [Fact]
    public void OneKeyForTwoRolesIsRefused()
    {
        Assert.False(new ChainOptions { PlatformKey = PlatformKey, SlasherKey = PlatformKey[2..].ToUpperInvariant() }.KeysAreDistinct);
        Assert.False(new ChainOptions { PlatformKey = PlatformKey, SlasherKey = SlasherKey, ArbiterKey = SlasherKey }.KeysAreDistinct);
        Assert.True(new ChainOptions { PlatformKey = PlatformKey, SlasherKey = SlasherKey }.KeysAreDistinct);
        Assert.Throws<InvalidOperationException>(() => new ChainSigners(
            new ChainOptions { RpcUrl = LocalServices.AnvilUrl, PlatformKey = PlatformKey, SlasherKey = PlatformKey },
            DeploymentFile.Load(_deploymentPath)));
    }
}
