using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Nethereum.Signer;
using System.Globalization;
using OrleansAI.Protocol;

namespace OrleansAI.Api.Tests;

public sealed class SignInFloodTests
{
    [Fact]
    public async Task ChallengesAThirdPartyRequestsInAProvidersNameDoNotPushOutTheProvidersOwn()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var gateway = Gateway(api, out var channel);
        using var _ = channel;
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);

        var own = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        for (var i = 0; i < 20; i++)
        {
            await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address, SessionKey = ByteString.CopyFrom(new byte[32]) });
        }

        var session = await gateway.LoginAsync(new LoginRequest { Address = address, Nonce = own.Nonce, Signature = MessageSignatures.Sign(own.Message, key) });

        Assert.False(string.IsNullOrEmpty(session.Token));
    }

    [Fact]
    public async Task ASignedChallengeSignsInOnceAndNeverAgain()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var gateway = Gateway(api, out var channel);
        using var _ = channel;
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        var login = new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) };

        await gateway.LoginAsync(login);
        var replay = await Assert.ThrowsAsync<RpcException>(async () => await gateway.LoginAsync(login));

        Assert.Equal(StatusCode.Unauthenticated, replay.StatusCode);
    }

    [Fact]
    public async Task AChallengeForOneAddressOrWithAnAlteredNonceSignsNobodyIn()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var gateway = Gateway(api, out var channel);
        using var _ = channel;
        var key = EthECKey.GenerateKey();
        var other = EthECKey.GenerateKey();
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = MessageSignatures.AddressOf(other) });
        var altered = challenge.Nonce[..^1] + (challenge.Nonce[^1] == '0' ? '1' : '0');

        var elsewhere = await Assert.ThrowsAsync<RpcException>(async () => await gateway.LoginAsync(new LoginRequest
        {
            Address = MessageSignatures.AddressOf(key),
            Nonce = challenge.Nonce,
            Signature = MessageSignatures.Sign(challenge.Message.Replace(MessageSignatures.AddressOf(other), MessageSignatures.AddressOf(key), StringComparison.Ordinal), key),
        }));
        var tampered = await Assert.ThrowsAsync<RpcException>(async () => await gateway.LoginAsync(new LoginRequest
        {
            Address = MessageSignatures.AddressOf(other),
            Nonce = altered,
            Signature = MessageSignatures.Sign(challenge.Message.Replace(challenge.Nonce, altered, StringComparison.Ordinal), other),
        }));

        Assert.Equal(StatusCode.Unauthenticated, elsewhere.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, tampered.StatusCode);
    }

    [Fact]
    public async Task AFloodOfChallengeRequestsFromOnePeerIsRefusedWithARetryAfter()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Gateway:PeerSignInBurst"] = "5", ["Gateway:PeerSignInsPerSecond"] = "1" });
        var gateway = Gateway(api, out var channel);
        using var _ = channel;
        var address = MessageSignatures.AddressOf(EthECKey.GenerateKey());

        for (var i = 0; i < 5; i++)
        {
            await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address }));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.True(int.Parse(refused.Trailers.GetValue("retry-after")!, CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task LoginsForOneProviderAreLimitedPerMinute()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Gateway:AddressLoginsPerMinute"] = "2" });
        var gateway = Gateway(api, out var channel);
        using var _ = channel;
        var key = EthECKey.GenerateKey();
        var address = MessageSignatures.AddressOf(key);

        async Task LoginAsync()
        {
            var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest { Address = address });
            await gateway.LoginAsync(new LoginRequest { Address = address, Nonce = challenge.Nonce, Signature = MessageSignatures.Sign(challenge.Message, key) });
        }

        await LoginAsync();
        await LoginAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(LoginAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    private static ProviderGateway.ProviderGatewayClient Gateway(ApiFactory api, out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress(api.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = api.Server.CreateHandler() });
        return new ProviderGateway.ProviderGatewayClient(channel);
    }
}
