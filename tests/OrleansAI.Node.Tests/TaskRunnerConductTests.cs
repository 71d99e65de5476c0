using System.Security.Cryptography;
using Nethereum.Signer;
using OrleansAI.Learning.Data;
using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;
using OrleansAI.Models.Data;

namespace OrleansAI.Node.Tests;

/// <summary>The task runner asks the provider's conduct at each point and hands in, and signs, what it answers.</summary>
public sealed class TaskRunnerConductTests
{
    private const string WeightsUrl = "http://blobs.test/global";
    private const string UploadUrl = "http://blobs.test/result";

    [Fact]
    public async Task TheRunnerTrainsOnTheConductsDataWithinItsStepLimitAndHandsInItsParametersAndClaim()
    {
        var conduct = new RecordingConduct(TestData.Examples([.. Enumerable.Range(0, 16).Select(i => i % 5)], seed: 2));

        var (result, uploaded, plan) = await RunAsync(conduct);

        // 16 examples in batches of 8 for 2 epochs are 4 steps; one was allowed.
        Assert.Equal(4, conduct.FullSteps);
        Assert.Equal(8, conduct.ExamplesSeen);
        Assert.Equal(32, conduct.FullExamples);
        Assert.Equal(777, result.Examples);
        Assert.Equal(conduct.HandedInPayload, uploaded);
        Assert.All(ModelWeights.FromSafetensors(plan, uploaded).Values, v => Assert.Equal(0.25f, v));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(uploaded)), result.Sha256);
        Assert.Equal(uploaded.Length, result.Length);
    }

    [Fact]
    public async Task APayloadTheConductSuppliesIsHandedInInsteadOfAnyComputedOne()
    {
        var conduct = new RecordingConduct(replacement: [1, 2, 3], trains: false);

        var (result, uploaded, _) = await RunAsync(conduct);

        Assert.Equal([1, 2, 3], uploaded);
        Assert.False(conduct.ParametersAsked);
        Assert.Equal(0, conduct.ExamplesSeen);
        Assert.Equal(0, result.TrainLoss);
        Assert.Equal(3, result.Length);
    }

    [Fact]
    public async Task AnHonestProviderHandsInItsTrainedModelAndClaimsEveryExampleItSaw()
    {
        var (result, uploaded, plan) = await RunAsync(HonestConduct.Instance);

        Assert.Equal(40 * 2, result.Examples);
        Assert.NotEqual(WeightInitializer.Initialize(plan, 3).Values, ModelWeights.FromSafetensors(plan, uploaded).Values);
        Assert.True(result.TrainLoss > 0);
    }

    private static async Task<(TaskResult Result, byte[] Uploaded, ModelPlan Plan)> RunAsync(ITrainingConduct conduct)
    {
        var plan = ModelSpecJson.ParseAndPlan(TinyModels.Spec);
        var weights = WeightInitializer.Initialize(plan, 3).ToSafetensors();
        var blobs = new MemoryBlobs { [WeightsUrl] = weights };
        using var http = new HttpClient(blobs);
        using var runner = new TaskRunner(http, 1);
        var data = new LocalData("tiny", TestData.Examples([.. Enumerable.Range(0, 40).Select(i => i % 5)]), TestData.Examples([0, 1, 2, 3, 4], seed: 3));
        using var provider = new ProviderContext(EthECKey.GenerateKey(), data, new AgentSettings(), 1) { Conduct = conduct };
        var task = TestData.Task();
        task.SpecJson = TinyModels.Spec;
        task.WeightsUrl = WeightsUrl;
        task.WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(weights));
        task.WeightsLength = weights.Length;
        task.UploadUrl = UploadUrl;
        task.MaxResultBytes = 1 << 20;
        task.Seed = 5;
        task.Training = new Protocol.TrainingSettings { LocalEpochs = 2, BatchSize = 8, LearningRate = 0.1, Optimizer = "sgd", Compression = "none" };

        var result = await runner.RunAsync(task, provider, 31337, CancellationToken.None);

        return (result, blobs[UploadUrl] ?? throw new InvalidOperationException("nothing was uploaded"), plan);
    }

    // Answers every point with something other than the honest answer, and remembers what it was asked.
    private sealed class RecordingConduct(LabeledDataset? data = null, byte[]? replacement = null, bool trains = true) : ITrainingConduct, ITaskConduct
    {
        public int FullSteps { get; private set; } = -1;

        public long ExamplesSeen { get; private set; } = -1;

        public long FullExamples { get; private set; } = -1;

        public bool ParametersAsked { get; private set; }

        public byte[]? HandedInPayload { get; private set; }

        public bool Trains => trains;

        public ITaskConduct ForTask(WorkTask task, Random random) => this;

        public LabeledDataset TrainingData(LabeledDataset given) => data ?? given;

        public int? StepLimit(int fullSteps)
        {
            FullSteps = fullSteps;
            return 1;
        }

        public Task<byte[]?> ReplacementPayloadAsync(CancellationToken cancellationToken) => Task.FromResult(replacement);

        public float[] Parameters(float[] globalModel, float[] trained)
        {
            ParametersAsked = true;
            return [.. Enumerable.Repeat(0.25f, globalModel.Length)];
        }

        public void HandedIn(byte[] payload) => HandedInPayload = payload;

        public long ClaimedExamples(long examplesSeen, long fullExamples)
        {
            (ExamplesSeen, FullExamples) = (examplesSeen, fullExamples);
            return 777;
        }
    }
}
