using Grpc.Core;
using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Protocol;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;
using OrleansAI.Testing;

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

    /// <summary>Funds <paramref name="key"/>'s account and stakes the Staking contract's minimum from it, the tokens coming from <paramref name="treasury"/>.</summary>
    public static async Task StakeMinimumAsync(SettlementSigner treasury, DeploymentFile deployment, EthECKey key)
    {
        var provider = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, key.GetPrivateKey());
        await FundOnAnvilAsync(provider.Address);
        var minimum = await new StakingService(treasury, deployment.Contracts.Staking).MinStakeQueryAsync();
        await new TokenService(treasury, deployment.Contracts.Token).TransferRequestAndWaitForReceiptAsync(provider.Address, minimum, CancellationToken.None);
        await new TokenService(provider, deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.Staking, minimum, CancellationToken.None);
        await new StakingService(provider, deployment.Contracts.Staking).StakeRequestAndWaitForReceiptAsync(minimum, CancellationToken.None);
    }

    /// <summary>Gives <paramref name="address"/> 1,000 ETH on Anvil for gas (other test assemblies share the chain, so tests use fresh keys).</summary>
    public static Task<object> FundOnAnvilAsync(string address) =>
        new Web3(LocalServices.AnvilUrl).Client.SendRequestAsync<object>("anvil_setBalance", null, address, "0x3635c9adc5dea00000");
}
