using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;

namespace OrleansAI.Grains.Tests.Rounds;

/// <summary>Rounds, tasks and results of a ten-parameter model, built the way the grain builds them.</summary>
internal static class RoundFixtures
{
    public const string SpecJson = """{"name":"tiny","inputShape":[1,2,2],"classes":2,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":2}]}""";

    public static ModelPlan Plan { get; } = ModelSpecJson.ParseAndPlan(SpecJson);

    public static ContentReference SomeWeights { get; } = new(new string('a', 64), 1000);

    public static RoundConfig Federated(
        ContentReference? weights = null, string strategy = "fedavg", int quorum = 2, int minProviders = 2, double fraction = 0.5, int bufferSize = 0,
        TaskKind kind = TaskKind.Train, ContentReference? root = null) =>
        new()
        {
            JobId = "job",
            Round = 3,
            Kind = kind,
            SpecJson = SpecJson,
            Weights = weights ?? SomeWeights,
            Strategy = strategy,
            Criteria = new ProviderCriteria("fashion"),
            FractionPerRound = fraction,
            MinProviders = minProviders,
            Quorum = quorum,
            BufferSize = bufferSize,
            Timeout = TimeSpan.FromMinutes(5),
            MaxAttempts = 3,
            Training = new TrainingSettings(LocalEpochs: 1, LearningRate: 0.01, BatchSize: 32, ProximalMu: 0.1, Compression: "topk:0.1"),
            Seed = 7,
            Root = root,
        };

    public static RoundConfig DataParallel(int items, ContentReference? weights = null, VerificationSettings? verification = null) =>
        Federated(weights, quorum: items) with
        {
            Shards = [.. Enumerable.Range(0, items).Select(i => new DataShard(i, new ContentReference(new string((char)('0' + i), 64), 100), new ContentReference(new string('f', 64), 50), 100, 10))],
            Verification = verification ?? VerificationSettings.Off,
        };

    public static RoundState Collecting(RoundConfig config) => new()
    {
        Config = config,
        Status = RoundStatus.Collecting,
        Attempt = 1,
        DeadlineUtc = new DateTimeOffset(2026, 12, 7, 12, 5, 0, TimeSpan.Zero),
    };

    public static string Id(int n) => n.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 24);

    public static RoundTask TaskOf(string provider, RoundTaskState taskState, int? item = null, TaskRole role = TaskRole.Primary) =>
        new() { Provider = provider, Attempt = 1, State = taskState, Item = item, Role = role };

    public static TaskReport Report(string taskId, ContentReference? result, long examples = 10, long evalExamples = 5, double evalAccuracy = 0.5) =>
        new(taskId, result, examples, 0.5, evalExamples, 0.4, evalAccuracy, 12, "sig");

    public static float[] Parameters(float value) => [.. Enumerable.Repeat(value, Plan.ParameterCount)];

    public static byte[] Safetensors(float[] values) => new ModelWeights(Plan, values).ToSafetensors();

    /// <summary>A done task whose result (full weights <paramref name="values"/>) sits in its upload slot.</summary>
    public static (string Id, RoundTask Task) DoneWith(MemoryContentStore store, RoundState state, int n, string provider, float[] values, long examples = 10, int? item = null, TaskRole role = TaskRole.Primary)
    {
        var id = Id(n);
        var blob = store.Upload(id, Safetensors(values));
        var task = TaskOf(provider, RoundTaskState.Done, item, role);
        task.Report = Report(id, blob, examples);
        task.ReportedUtc = new DateTimeOffset(2026, 12, 7, 12, 1, n, TimeSpan.Zero);
        state.Tasks[id] = task;
        return (id, task);
    }
}
