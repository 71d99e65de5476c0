using OrleansAI.Api.Wire;

namespace OrleansAI.Api.Tests;

/// <summary>The cluster's statuses and the API's must not drift apart: a new value without its twin would fail a call at run time.</summary>
public sealed class WireMappingTests
{
    [Fact]
    public void EveryClusterStatusHasItsTwinOnTheWire()
    {
        AssertTwins<Grains.Interfaces.Jobs.JobStatus, Sdk.Jobs.JobStatus>();
        AssertTwins<Grains.Interfaces.Rounds.RoundStatus, Sdk.Jobs.RoundStatus>();
        AssertTwins<Grains.Interfaces.Inference.DeploymentStatus, Sdk.Models.DeploymentStatus>();
        AssertTwins<Grains.Interfaces.Providers.ProviderStatus, Sdk.Providers.ProviderStatus>();
        AssertTwins<Grains.Interfaces.Verification.FraudCaseStatus, Sdk.Cases.FraudCaseStatus>();
    }

    [Fact]
    public void AValueWithoutATwinFailsLoudly()
    {
        Assert.Throws<InvalidOperationException>(() => EnumNames.Map<DayOfWeek, Sdk.Jobs.JobStatus>(DayOfWeek.Monday));
        Assert.Throws<InvalidOperationException>(() => EnumNames.Map<Grains.Interfaces.Jobs.JobStatus, Sdk.Jobs.JobStatus>((Grains.Interfaces.Jobs.JobStatus)99));
    }

    private static void AssertTwins<TCluster, TWire>()
        where TCluster : struct, Enum
        where TWire : struct, Enum
    {
        Assert.Equal(Enum.GetNames<TCluster>().Order(), Enum.GetNames<TWire>().Order());
        foreach (var value in Enum.GetValues<TCluster>())
        {
            Assert.Equal(value.ToString(), EnumNames.Map<TCluster, TWire>(value).ToString());
        }
    }
}
