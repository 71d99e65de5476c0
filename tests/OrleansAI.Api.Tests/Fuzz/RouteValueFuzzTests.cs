using System.Net;
using System.Text;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// Ids in routes and values in query strings are typed by whoever calls: whatever they hold, every
/// route answers with a client error or a result, never a 500.
/// </summary>
public sealed class RouteValueFuzzTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    // Every route with a value in its path or query, except the event stream (a valid id would stream on).
    private static readonly string[] Templates =
    [
        "/api/jobs/{0}", "/api/jobs/{0}/rounds/{1}", "/api/jobs/{0}/escrow", "/api/jobs?skip={1}&take={1}",
        "/api/models/{0}", "/api/models/{0}/versions/{1}", "/api/models/{0}/versions/{1}/deployment",
        "/api/datasets/{0}", "/api/datasets?name={0}", "/api/providers/{0}", "/api/providers/{0}/stake", "/api/providers/{0}/cases",
        "/api/providers?skip={1}&take={1}", "/api/cases/{0}",
        "/v2/models/{0}", "/v2/models/{0}/ready", "/v2/models/{0}/versions/{1}", "/v2/models/{0}/versions/{1}/ready",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "1.5", " 1", "", "NaN"];

    [Fact]
    public async Task RandomIdsAndQueryValuesAreAnsweredWithoutA500()
    {
        using var alice = api.ClientFor("alice");
        var random = new Random(16_90_01);
        for (var i = 0; i < 252; i++)
        {
            var template = Templates[i % Templates.Length];
            // NUL is left out: the test server refuses a path holding one before the Api sees it (Kestrel answers 400).
            var id = Uri.EscapeDataString((random.Next(4) switch
            {
                0 => Mutator.RandomString(random, 80).Replace('\uFFFF', 'x'),
                1 => Encoding.UTF8.GetString(Mutator.RandomBytes(random, 40)),
                2 => new string('a', random.Next(60, 400)),
                _ => Numbers[random.Next(Numbers.Length)],
            }).Replace("\0", "", StringComparison.Ordinal));
            var number = Uri.EscapeDataString((random.Next(2) == 0 ? Numbers[random.Next(Numbers.Length)] : Mutator.RandomString(random, 12)).Replace("\0", "", StringComparison.Ordinal));
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id, number);

            using var response = await alice.GetAsync(new Uri(path, UriKind.Relative));

            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.ServiceUnavailable, $"case {i} GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(api.Errors.Entries);
    }

    [Fact]
    public async Task RandomApiKeysAreRefusedWith401NeverA500()
    {
        var random = new Random(16_90_03);
        using var http = api.Factory.CreateClient();
        for (var i = 0; i < 200; i++)
        {
            // Header values travel as Latin-1 here; control characters other than tab are not valid in one.
            var key = new string(Mutator.RandomString(random, i % 10 == 0 ? 400 : 60).Select(c => (char)(c % 0xFF)).Where(c => c >= ' ' || c == '\t').ToArray());
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/jobs", UriKind.Relative));
            request.Headers.TryAddWithoutValidation(i % 2 == 0 ? "Authorization" : "X-Api-Key", i % 2 == 0 ? $"Bearer {key}" : key);

            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"case {i} ('{key}'): {(int)response.StatusCode}");
        }

        Assert.Empty(api.Errors.Entries);
    }

    [Fact]
    public async Task MutatedDeploymentSettingsAreAnsweredWithoutA500()
    {
        using var alice = api.ClientFor("alice");
        var random = new Random(16_90_02);
        const string valid = """{"replicas":2,"replication":1,"auditRate":0.1,"tolerance":0.001,"verifyRate":0.05}""";
        for (var i = 0; i < 120; i++)
        {
            using var content = new ByteArrayContent(Mutator.MutateText(valid, random));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

            using var response = await alice.PutAsync(new Uri("/api/models/m/versions/1/deployment", UriKind.Relative), content);

            Assert.True((int)response.StatusCode < 500, $"case {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(api.Errors.Entries);
    }
}
