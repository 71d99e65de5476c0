using OrleansAI.Api.Jobs;
using OrleansAI.Grains.Interfaces.Jobs;
using OrleansAI.Grains.Interfaces.Rounds;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Api.Tests;

public sealed class JobMemoryBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AJobWhoseRoundsCouldNotFitTheMemoryBudgetIsRefusedAtSubmissionWithTheBound()
    {
        var request = Request(500);

        var (definition, errors) = JobValidation.Validate(request, Now, roundMemoryBudget: 64L * 1024 * 1024);

        Assert.Null(definition);
        var message = Assert.Single(errors["maxProvidersPerRound"]);
        Assert.Contains("budget per round is 64 MiB", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameJobWithFewerProvidersPerRoundFitsAndCarriesItsBound()
    {
        var (definition, errors) = JobValidation.Validate(Request(10), Now, roundMemoryBudget: 64L * 1024 * 1024);

        Assert.Empty(errors);
        Assert.Equal(10, definition!.MaxProvidersPerRound);
        Assert.True(RoundMemory.Bound(ParameterCount(definition), RoundMemory.Updates(definition)) <= 64L * 1024 * 1024);
    }

    [Fact]
    public void AJobThatSaysNothingTrainsOnAtMostAHundredProvidersPerRound()
    {
        var (definition, _) = JobValidation.Validate(Request(), Now);

        Assert.Equal(JobDefinition.DefaultMaxProvidersPerRound, definition!.MaxProvidersPerRound);
    }

    private static long ParameterCount(JobDefinition definition) => Models.Specs.ModelSpecJson.ParseAndPlan(definition.SpecJson).ParameterCount;

    private static JobRequest Request(int? maxProvidersPerRound = null) => new()
    {
        MaxProvidersPerRound = maxProvidersPerRound,
        Spec = JsonDocument.Parse(Models.Specs.ModelCatalog.Json("fashion-cnn")).RootElement.Clone(),
        Dataset = "fashion-mnist",
        Rounds = 1,
        MinProviders = 2,
    };
}
