using OrleansAI.Api.Jobs;
using OrleansAI.Federation.Privacy;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Api.Tests;

/// <summary>Issue #17: a job's privacy budget is calibrated into noise at submission, and a job that could overspend is never admitted.</summary>
public sealed class PrivacyValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1.0, 5)]
    [InlineData(3.0, 20)]
    [InlineData(8.0, 100)]
    public void TheNoiseIsCalibratedSoThePlannedRoundsSpendAtMostTheBudgetAndNoLessNoiseWould(double epsilon, int rounds)
    {
        var (definition, errors) = JobValidation.Validate(Request(epsilon, rounds), Now);

        Assert.Empty(errors);
        var privacy = definition!.Privacy!;
        var spent = new RdpAccountant().Step(1.0, privacy.NoiseMultiplier, rounds).Epsilon(1e-5);
        var lessNoise = new RdpAccountant().Step(1.0, privacy.NoiseMultiplier - 2 * NoiseCalibration.DefaultTolerance, rounds).Epsilon(1e-5);
        Assert.True(spent <= epsilon, $"{rounds} rounds spend {spent} > {epsilon}");
        Assert.True(lessNoise > epsilon, $"less noise would still spend only {lessNoise}");
        Assert.Equal(4, privacy.ExpectedClients);
    }

    [Theory]
    [InlineData("example", 3.0, 1e-5, "fedavg", "not available yet")]
    [InlineData("client", 0.0, 1e-5, "fedavg", "epsilon")]
    [InlineData("client", 3.0, 0.5, "fedavg", "delta")]
    [InlineData("client", 3.0, 1e-5, "median", "strategy fedavg")]
    public void SettingsThatCannotBeAccountedAreRefusedWithTheReason(string level, double epsilon, double delta, string strategy, string reason)
    {
        var request = Request(epsilon, 5, level, delta);
        request = new JobRequest { Spec = request.Spec, Rounds = 5, MinProviders = 4, Strategy = strategy, Privacy = request.Privacy };

        var (definition, errors) = JobValidation.Validate(request, Now);

        Assert.Null(definition);
        Assert.Contains(errors["privacy"], e => e.Contains(reason, StringComparison.Ordinal));
    }

    private static JobRequest Request(double epsilon, int rounds, string level = "client", double delta = 1e-5) => new()
    {
        Spec = JsonDocument.Parse(Models.Specs.ModelCatalog.Json("fashion-mlp")).RootElement.Clone(),
        Rounds = rounds,
        MinProviders = 4,
        Privacy = new PrivacyRequest { Level = level, Epsilon = epsilon, Delta = delta, Clip = 1.0 },
    };
}
