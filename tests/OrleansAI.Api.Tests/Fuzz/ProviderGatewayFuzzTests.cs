using Google.Protobuf;
using Grpc.Core;
using Nethereum.Signer;
using OrleansAI.Protocol;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// Providers are untrusted: whatever bytes they send the gateway (sign-in requests, stream messages),
/// each is parsed and handled or refused with a typed gRPC status. <see cref="StatusCode.Unknown"/>
/// and <see cref="StatusCode.Internal"/> are what an unhandled exception becomes: the 500 of gRPC.
/// </summary>
public sealed class ProviderGatewayFuzzTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    private static readonly StatusCode[] Refusals =
        [StatusCode.InvalidArgument, StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.FailedPrecondition];

    private static readonly NodeMessage[] ValidMessages =
    [
        new() { Register = new Register { Agent = "node/1", Capabilities = new Capabilities { Device = "cpu", MemoryMb = 4096, Datasets = { "fashion-mnist" }, PricePerTask = "5", MaxConcurrentTasks = 2, Serves = true, ServingMemoryMb = 512, PricePer1KInferences = "0.5" } } },
        new() { Heartbeat = new Heartbeat { RunningTasks = 1, OutstandingInferences = 2 } },
        new() { Result = new TaskResult { TaskId = "job-1/3/0xabc", Sha256 = new string('a', 64), Length = 1234, Examples = 600, TrainLoss = 0.5, ComputeMs = 12.5, Signature = "0x" + new string('1', 130), Runtime = "cpu/torch-2.10", Evaluation = new Evaluation { Examples = 100, Loss = 0.3, Accuracy = 0.9 } } },
        new() { Failure = new TaskFailure { TaskId = "job-1/3/0xabc", Reason = "out of memory" } },
        new() { ModelState = new ModelState { ModelKey = "alice/m/1", State = "ready", Detail = "", MemoryBytes = 1024, LoadMs = 3 } },
        new() { InferReply = new InferReply { CallId = 7, Shape = { 1, 3 }, Output = ByteString.CopyFrom(new byte[12]), NodeUs = 5, Signature = ByteString.CopyFrom(new byte[64]) } },
    ];

    [Fact]
    public void MutatedNodeMessagesParseOrAreRefusedAsInvalidProtobufAndRegistrationsAreParsedOrRefusedWithAReason()
    {
        var random = new Random(16_70_01);
        var parsed = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var bytes = i % 5 == 0 ? Mutator.RandomBytes(random, 120) : Mutator.Mutate(ValidMessages[random.Next(ValidMessages.Length)].ToByteArray(), random);
            NodeMessage message;
            try
            {
                message = NodeMessage.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException)
            {
                continue;
            }

            parsed++;
            if (message.BodyCase == NodeMessage.BodyOneofCase.Register)
            {
                var (capabilities, error) = CapabilityRules.Parse(message.Register);
                Assert.True(capabilities is null != error is null, $"case {i}: {Convert.ToBase64String(bytes)}");
            }
        }

        Assert.InRange(parsed, 500, 4_999);
    }

    [Fact]
    public async Task BytesThatAreNotProtobufAreRefusedAsInvalidArgumentOnEveryMethod()
    {
        // A field header announcing 127 bytes that never come: no parser can read it.
        byte[] truncated = [0x0A, 0x7F, 0x01];
        using var channel = RawGrpc.Channel(api.Factory);
        var invoker = channel.CreateCallInvoker();
        var token = await SignInAsync(new ProviderGateway.ProviderGatewayClient(channel), EthECKey.GenerateKey());

        var challenge = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(RawGrpc.RequestChallenge, null, default, truncated).ResponseAsync);
        var login = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(RawGrpc.Login, null, default, truncated).ResponseAsync);
        var first = await ConverseAsync(invoker, new Metadata { { "authorization", $"Bearer {token}" } }, [truncated]);
        var later = await ConverseAsync(invoker, new Metadata { { "authorization", $"Bearer {token}" } }, [ValidMessages[0].ToByteArray(), truncated]);

        Assert.Equal(StatusCode.InvalidArgument, challenge.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, login.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, first.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, later.StatusCode);
        Assert.Contains("not valid protobuf", later.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MutatedSignInRequestsAreAnsweredOrRefusedWithATypedStatus()
    {
        using var channel = RawGrpc.Channel(api.Factory);
        var invoker = channel.CreateCallInvoker();
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var random = new Random(16_70_02);
        var challenge = new ChallengeRequest { Address = address, SessionKey = ByteString.CopyFrom(new byte[32]) }.ToByteArray();
        for (var i = 0; i < 120; i++)
        {
            var login = i % 2 == 1;
            byte[] bytes;
            if (login)
            {
                // A genuine signature of a fresh challenge, then damaged with its request.
                var issued = Challenge.Parser.ParseFrom(await invoker.AsyncUnaryCall(RawGrpc.RequestChallenge, null, default, challenge));
                bytes = Mutator.Mutate(new LoginRequest { Address = address, Nonce = issued.Nonce, Signature = MessageSignatures.Sign(issued.Message, key) }.ToByteArray(), random);
            }
            else
            {
                bytes = i % 4 == 0 ? Mutator.RandomBytes(random, 80) : Mutator.Mutate(challenge, random);
            }

            try
            {
                var answer = await invoker.AsyncUnaryCall(login ? RawGrpc.Login : RawGrpc.RequestChallenge, null, default, bytes);
                // Answered: the damage left a request the gateway could take (a session, or a challenge for some address).
                Assert.NotEmpty(answer);
            }
            catch (RpcException ex)
            {
                Assert.True(Refusals.Contains(ex.StatusCode), $"case {i} ({(login ? "login" : "challenge")} {Convert.ToBase64String(bytes)}): {ex.Status}");
            }
        }

        // Refusing a provider's bad bytes is no server error: nothing is logged as one.
        Assert.Empty(api.Errors.Entries);
    }

    [Fact]
    public async Task MutatedMessagesOnALiveStreamAreHandledOrRefusedWithATypedStatus()
    {
        using var channel = RawGrpc.Channel(api.Factory);
        var invoker = channel.CreateCallInvoker();
        var token = await SignInAsync(new ProviderGateway.ProviderGatewayClient(channel), EthECKey.GenerateKey());
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        var random = new Random(16_70_03);
        var refused = 0;
        for (var i = 0; i < 90; i++)
        {
            // Half the cases damage the registration itself; the others a message after a valid one.
            var damageRegistration = i % 2 == 0;
            var damaged = Mutator.Mutate(ValidMessages[damageRegistration ? 0 : random.Next(1, ValidMessages.Length)].ToByteArray(), random);
            byte[][] messages = damageRegistration
                ? [damaged, ValidMessages[1].ToByteArray()]
                : [ValidMessages[0].ToByteArray(), damaged, ValidMessages[1].ToByteArray()];
            var status = await ConverseAsync(invoker, headers, messages);
            Assert.True(status.StatusCode == StatusCode.OK || Refusals.Contains(status.StatusCode), $"case {i} ({Convert.ToBase64String(damaged)}): {status}");
            refused += status.StatusCode == StatusCode.OK ? 0 : 1;
        }

        Assert.InRange(refused, 10, 89);
        Assert.Empty(api.Errors.Entries);
    }

    // Sends the messages on one Connect stream, reads what comes back, and says how the stream ended.
    private static async Task<Status> ConverseAsync(CallInvoker invoker, Metadata headers, byte[][] messages)
    {
        using var call = invoker.AsyncDuplexStreamingCall(RawGrpc.Connect, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)));
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
        {
            // The gateway ended the call first; how it ended is read below.
        }

        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                // Every answer the gateway sends must itself be a well-formed message.
                GatewayMessage.Parser.ParseFrom(call.ResponseStream.Current);
            }

            return call.GetStatus();
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }

    private static async Task<string> SignInAsync(ProviderGateway.ProviderGatewayClient gateway, EthECKey key)
    {
        var address = MessageSignatures.AddressOf(key);
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var session = await gateway.LoginAsync(new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) });
        return session.Token;
    }
}
