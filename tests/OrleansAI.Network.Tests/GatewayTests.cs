using System.Net.Http.Json;
using Grpc.Core;
using Nethereum.Signer;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Network.Tests;

/// <summary>The provider gateway refuses what an untrusted provider must not be able to do.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class GatewayTests : IAsyncLifetime
{
    private LocalNetwork? _network;

    private LocalNetwork Network => _network!;

    private ProviderGateway.ProviderGatewayClient Gateway => new(Network.Channel);

    public async Task InitializeAsync() => _network = await LocalNetwork.StartAsync(providers: 0);

    public async Task DisposeAsync() => await _network!.DisposeAsync();

    [Fact]
    public async Task ASignedChallengeLogsInOnceAndItsReplayIsRefused()
    {
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var challenge = await Gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var login = new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) };

        var session = await Gateway.LoginAsync(login);
        var replay = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.LoginAsync(login));

        Assert.False(string.IsNullOrEmpty(session.Token));
        Assert.Equal(StatusCode.Unauthenticated, replay.StatusCode);
    }

    [Fact]
    public async Task AChallengeSignedByAnotherKeyIsRefusedWithoutSpendingTheOwnersNonce()
    {
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var challenge = await Gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var forged = new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, EthECKey.GenerateKey()) };
        var genuineAfterwards = new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) };

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.LoginAsync(forged));
        // Only a signature that checks out spends a nonce, so a forger cannot burn the owner's.
        var session = await Gateway.LoginAsync(genuineAfterwards);
        var usedUp = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.LoginAsync(genuineAfterwards));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.False(string.IsNullOrEmpty(session.Token));
        Assert.Equal(StatusCode.Unauthenticated, usedUp.StatusCode);
    }

    [Fact]
    public async Task ASignatureOverADifferentDomainOrChainIsRefused()
    {
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var challenge = await Gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var otherChain = challenge.Message.Replace("Chain ID: 31337", "Chain ID: 1", StringComparison.Ordinal);
        Assert.NotEqual(challenge.Message, otherChain);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.LoginAsync(
            new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(otherChain, key) }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task AStreamWithoutAValidSessionIsRefused()
    {
        using var call = Gateway.Connect(new Metadata { { "authorization", "Bearer not-a-token" } });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task ABadAddressGetsInvalidArgument()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.RequestChallengeAsync(new ChallengeRequest { Address = "0x1234" }));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task AProviderCannotAnswerAnotherProvidersTask()
    {
        var owner = EthECKey.GenerateKey();
        var intruder = EthECKey.GenerateKey();
        using var ownerStream = await OpenAsync(owner);
        using var intruderStream = await OpenAsync(intruder);
        var job = await Network.SubmitAsync(new
        {
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 1,
            minProviders = 2,
            roundTimeoutSeconds = 60,
        });

        var ownerTask = await NextTaskAsync(ownerStream);
        await NextTaskAsync(intruderStream);
        var receipt = await ClaimAsync(intruderStream, ownerTask.TaskId, new string('a', 64), 10, intruder);

        Assert.Equal(ownerTask.TaskId, receipt.TaskId);
        Assert.Equal("refused", receipt.Outcome);
        Assert.Equal(job.Id, ownerTask.JobId);
    }

    [Fact]
    public async Task AResultSignedByAnotherKeyIsRefused()
    {
        var provider = EthECKey.GenerateKey();
        using var stream = await OpenAsync(provider);
        using var other = await OpenAsync(EthECKey.GenerateKey());
        await Network.SubmitAsync(new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, rounds = 1, minProviders = 2, roundTimeoutSeconds = 60 });
        var task = await NextTaskAsync(stream);

        var receipt = await ClaimAsync(stream, task.TaskId, new string('b', 64), 10, EthECKey.GenerateKey());

        Assert.Equal("refused", receipt.Outcome);
        Assert.Contains("not signed by this provider", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultArrivingAfterItsRoundClosedIsAcknowledgedAsLateAndNotCounted()
    {
        var early = EthECKey.GenerateKey();
        var late = EthECKey.GenerateKey();
        using var earlyStream = await OpenAsync(early);
        using var lateStream = await OpenAsync(late);
        var job = await Network.SubmitAsync(new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, rounds = 1, minProviders = 2, quorum = 1, roundTimeoutSeconds = 5 });
        var earlyTask = await NextTaskAsync(earlyStream);
        var lateTask = await NextTaskAsync(lateStream);

        Assert.Equal("accepted", (await AnswerAsync(earlyStream, earlyTask, early)).Outcome);
        await Network.WaitAsync(job.Id, j => j.RoundsCompleted >= 1, TimeSpan.FromSeconds(60));
        var receipt = await AnswerAsync(lateStream, lateTask, late);

        Assert.Equal("late", receipt.Outcome);
        var round = (await Network.GetAsync(job.Id)).History[0];
        Assert.Equal(1, round.Participants);
        Assert.Equal(1, round.Failed);
    }

    [Fact]
    public async Task AResultWhoseBlobIsMissingOrNotWhatWasSignedCountsAsItsProvidersFailure()
    {
        var liar = EthECKey.GenerateKey();
        var idle = EthECKey.GenerateKey();
        using var liarStream = await OpenAsync(liar);
        using var idleStream = await OpenAsync(idle);
        var job = await Network.SubmitAsync(new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, rounds = 1, minProviders = 2, roundTimeoutSeconds = 60 });
        var liarTask = await NextTaskAsync(liarStream);
        var idleTask = await NextTaskAsync(idleStream);

        // One uploads bytes and signs a different hash; the other signs a result it never uploaded.
        var lied = await AnswerAsync(liarStream, liarTask, liar, claim: new string('c', 64));
        var unsent = await AnswerAsync(idleStream, idleTask, idle, upload: false);
        await Network.WaitAsync(job.Id, j => j.RoundsCompleted >= 1 || j.Status is JobStatus.Failed, TimeSpan.FromSeconds(60));
        var round = await Network.Sdk.Jobs.GetRoundAsync(job.Id, 1);

        // The gateway does not read results; the round does, once, and finds both unusable.
        Assert.Equal("accepted", lied.Outcome);
        Assert.Equal("accepted", unsent.Outcome);
        Assert.All(round.Contributions, c => Assert.False(c.Used));
        Assert.Contains("its uploader signed", round.Contributions.Single(c => c.TaskId == liarTask.TaskId).Note, StringComparison.Ordinal);
        Assert.Contains("Nothing was uploaded", round.Contributions.Single(c => c.TaskId == idleTask.TaskId).Note, StringComparison.Ordinal);
        Assert.NotNull(round.KeptBecause);
        // Unused results are deleted once the round is closed: nothing parks bytes in a slot.
        await LocalNetwork.Until(() => Network.ReadResultSlotAsync(liarTask.TaskId).GetAwaiter().GetResult() is null, TimeSpan.FromSeconds(20), "the unused result to be deleted");
    }

    [Fact]
    public async Task AResultLongerThanItsTaskAcceptsIsRefused()
    {
        var provider = EthECKey.GenerateKey();
        using var stream = await OpenAsync(provider);
        using var other = await OpenAsync(EthECKey.GenerateKey());
        await Network.SubmitAsync(new { spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement, rounds = 1, minProviders = 2, roundTimeoutSeconds = 60 });
        var task = await NextTaskAsync(stream);
        var receipt = await ClaimAsync(stream, task.TaskId, new string('d', 64), 1L << 40, provider);

        Assert.Equal("refused", receipt.Outcome);
        Assert.Contains("accepts at most", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobsTrainingSettingsReachTheProviderAsSubmitted()
    {
        var provider = EthECKey.GenerateKey();
        using var stream = await OpenAsync(provider);
        await Network.SubmitAsync(new
        {
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 1,
            minProviders = 1,
            roundTimeoutSeconds = 60,
            localEpochs = 2,
            learningRate = 0.02,
            batchSize = 16,
            proximalMu = 0.1,
            compression = "int8",
            weightDecay = 0.001,
        });

        var training = (await NextTaskAsync(stream)).Training;

        Assert.Equal(2, training.LocalEpochs);
        Assert.Equal(0.02, training.LearningRate);
        Assert.Equal(16, training.BatchSize);
        Assert.Equal(0.1, training.ProximalMu);
        Assert.Equal("int8", training.Compression);
        Assert.Equal(0.001, training.WeightDecay);
        Assert.Equal("adam", training.Optimizer);
    }

    // Uploads a small blob to the task's upload URL and reports it, signed.
    private static async Task<ResultReceipt> AnswerAsync(AsyncDuplexStreamingCall<NodeMessage, GatewayMessage> call, WorkTask task, EthECKey key, string? claim = null, bool upload = true)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes($"result of {task.TaskId}");
        if (upload)
        {
            using var http = new HttpClient();
            using var content = new ByteArrayContent(payload);
            content.Headers.Add("x-ms-blob-type", "BlockBlob");
            (await http.PutAsync(task.UploadUrl, content)).EnsureSuccessStatusCode();
        }

        var sha = claim ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload));
        await call.RequestStream.WriteAsync(new NodeMessage
        {
            Result = new TaskResult
            {
                TaskId = task.TaskId,
                Sha256 = sha,
                Length = payload.Length,
                Examples = 10,
                Evaluation = new Evaluation { Examples = 10, Loss = 2.3, Accuracy = 0.1 },
                Signature = MessageSignatures.Sign(ResultMessage.Format(31337, task.TaskId, sha, payload.Length, 10), key),
            },
        });
        return (await NextAsync(call, GatewayMessage.BodyOneofCase.Receipt)).Receipt;
    }

    // Reports a training result for a task without uploading anything, signed by `signer`.
    private static async Task<ResultReceipt> ClaimAsync(AsyncDuplexStreamingCall<NodeMessage, GatewayMessage> call, string taskId, string sha, long length, EthECKey signer)
    {
        await call.RequestStream.WriteAsync(new NodeMessage
        {
            Result = new TaskResult { TaskId = taskId, Sha256 = sha, Length = length, Examples = 10, Signature = MessageSignatures.Sign(ResultMessage.Format(31337, taskId, sha, length, 10), signer) },
        });
        return (await NextAsync(call, GatewayMessage.BodyOneofCase.Receipt)).Receipt;
    }

    private async Task<AsyncDuplexStreamingCall<NodeMessage, GatewayMessage>> OpenAsync(EthECKey key)
    {
        var call = await RawProvider.ConnectAsync(Gateway, key);
        await NextAsync(call, GatewayMessage.BodyOneofCase.Registered);
        return call;
    }

    private static async Task<WorkTask> NextTaskAsync(AsyncDuplexStreamingCall<NodeMessage, GatewayMessage> call) =>
        (await NextAsync(call, GatewayMessage.BodyOneofCase.Task)).Task;

    private static async Task<GatewayMessage> NextAsync(AsyncDuplexStreamingCall<NodeMessage, GatewayMessage> call, GatewayMessage.BodyOneofCase kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.BodyCase == kind)
            {
                return call.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException($"The stream ended before a {kind} message.");
    }
}
