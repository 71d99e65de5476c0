namespace OrleansAI.Settlement.Tests;

public sealed class DeploymentFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"oai-deployment-file-{Guid.NewGuid():N}");

    private static DeploymentFile Sample => new()
    {
        ChainId = 31337,
        Deployer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        Platform = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        Treasury = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
        BlockNumber = 42,
        DeployedAt = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Contracts = new ContractAddresses
        {
            Token = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            Staking = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
            Rewards = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
            JobEscrow = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
            ModelRegistry = "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
            Governance = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
        },
    };

    [Fact]
    public void SavedFileLoadsBackEqual()
    {
        var path = Path.Combine(_folder, "nested", "deployment.json");

        Sample.Save(path);

        Assert.Equal(Sample, DeploymentFile.Load(path));
        Assert.False(File.Exists(path + ".tmp"));
        var json = File.ReadAllText(path);
        Assert.Contains("\"chainId\": 31337", json, StringComparison.Ordinal);
        Assert.Contains("\"jobEscrow\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"all\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingAgainReplacesTheFile()
    {
        var path = Path.Combine(_folder, "deployment.json");
        Sample.Save(path);

        (Sample with { BlockNumber = 99 }).Save(path);

        Assert.Equal(99UL, DeploymentFile.Load(path).BlockNumber);
    }

    [Fact]
    public void FileThatIsNotADeploymentIsRejected()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{ \"chainId\": 1 }");

        Assert.Throws<InvalidDataException>(() => DeploymentFile.Load(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
