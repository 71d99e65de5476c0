using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Grains.Interfaces.Verification;

namespace OrleansAI.Api.Tests;

public sealed class CaseVisibilityTests
{
    private const string Accused = "0x1111111111111111111111111111111111111111";

    [Fact]
    public async Task ACaseShowsItsEvidenceToTheModelsOwnerAndOperatorsButOnlyItsOutcomeToOtherClients()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        using var ops = api.ClientFor("ops");
        var id = await OpenCaseAsync(api, "alice/secret-model/3");

        var toOwner = await alice.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        var toOperator = await ops.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        var toStranger = await bob.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        var strangerList = await bob.GetStringAsync(new Uri($"/api/providers/{Accused}/cases", UriKind.Relative));

        Assert.Equal("alice/secret-model/3", toOwner.GetProperty("evidence").GetProperty("modelKey").GetString());
        Assert.Equal("alice/secret-model/3", toOperator.GetProperty("evidence").GetProperty("modelKey").GetString());
        Assert.Equal(JsonValueKind.Null, toStranger.TryGetProperty("evidence", out var hidden) ? hidden.ValueKind : JsonValueKind.Null);
        Assert.Equal(Accused, toStranger.GetProperty("provider").GetString());
        Assert.Equal("inference-replication", toStranger.GetProperty("kind").GetString());
        Assert.DoesNotContain("secret-model", toStranger.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("request-7", toStranger.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-model", strangerList, StringComparison.Ordinal);
        Assert.Contains(id, strangerList, StringComparison.Ordinal);
    }

    private static async Task<string> OpenCaseAsync(ApiFactory api, string modelKey)
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var input = new ContentReference(new string('a', 64), 16);
        SignedAnswer[] answers =
        [
            new(Accused, new string('b', 64), null, "session-a", "sig-a", false),
            new("0x2222222222222222222222222222222222222222", new string('c', 64), null, "session-b", "sig-b", true),
            new("0x3333333333333333333333333333333333333333", new string('c', 64), null, "session-c", "sig-c", true),
        ];
        var evidence = new FraudEvidence("inference-replication", Accused, modelKey, "request-7", input, 31337, answers, DateTimeOffset.UtcNow);
        var id = evidence.Hash();
        await grains.GetGrain<IFraudCaseGrain>(id).OpenAsync(evidence);
        return id;
    }
}
