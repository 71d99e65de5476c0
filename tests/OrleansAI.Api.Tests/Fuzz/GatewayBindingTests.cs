using Grpc.Core;
using Nethereum.Signer;
using OrleansAI.Protocol;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// The gateway is bound with marshallers of its own (<see cref="GatewayMethods"/>); the nodes call it
/// with the generated client. Both must still speak the same protocol, end to end.
/// </summary>
public sealed class GatewayBindingTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    [Fact]
    public async Task TheGeneratedClientSignsInConnectsAndIsRegistered()
    {
        using var channel = RawGrpc.Channel(api.Factory);
        var gateway = new ProviderGateway.ProviderGatewayClient(channel);
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var session = await gateway.LoginAsync(new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) });

        using var stream = gateway.Connect(new Metadata { { "authorization", $"Bearer {session.Token}" } }, DateTime.UtcNow.AddSeconds(10));
        await stream.RequestStream.WriteAsync(new NodeMessage { Register = new Register { Agent = "test", Capabilities = new Capabilities { Device = "cpu", MemoryMb = 1024, Datasets = { "fashion-mnist" }, MaxConcurrentTasks = 1 } } });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var registered = stream.ResponseStream.Current.Registered;
        await stream.RequestStream.WriteAsync(new NodeMessage { Result = new TaskResult { TaskId = "not-mine", Signature = "0x" } });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var receipt = stream.ResponseStream.Current.Receipt;
        await stream.RequestStream.CompleteAsync();

        Assert.Equal(address, registered.Address);
        Assert.Equal("not-mine", receipt.TaskId);
        Assert.Equal("refused", receipt.Outcome);
        Assert.Empty(api.Errors.Entries);
    }
}
