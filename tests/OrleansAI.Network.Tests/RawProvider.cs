using Grpc.Core;
using Nethereum.Signer;

namespace OrleansAI.Network.Tests;

/// <summary>A provider driven by hand over the gateway's wire protocol, for tests of what the gateway refuses.</summary>
internal static class RawProvider
{
    /// <summary>Signs in with <paramref name="key"/>, opens the stream and sends the registration; the caller reads the answer.</summary>
    public static async Task<AsyncDuplexStreamingCall<NodeMessage, GatewayMessage>> ConnectAsync(ProviderGateway.ProviderGatewayClient gateway, EthECKey key)
    {
        var address = MessageSignatures.AddressOf(key);
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var session = await gateway.LoginAsync(new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) });
        var call = gateway.Connect(new Metadata { { "authorization", $"Bearer {session.Token}" } });
        await call.RequestStream.WriteAsync(new NodeMessage
        {
            Register = new Register { Agent = "test", Capabilities = new Capabilities { Device = "cpu", MemoryMb = 1024, Datasets = { "fashion-mnist" }, PricePerTask = "1", MaxConcurrentTasks = 1 } },
        });
        return call;
    }
}
