using Grpc.Core;
using Nethereum.Signer;
using OrleansAI.Sdk;
using OrleansAI.Tls;

namespace OrleansAI.Network.Tests;

/// <summary>
/// The network over real sockets is encrypted end to end: the Api serves HTTPS and the gateway gRPC
/// over TLS with a certificate from the test CA; nodes and the SDK trust that CA alone.
/// </summary>
[Collection(NetworkTestGroup.Name)]
public sealed class TransportEncryptionTests : IAsyncLifetime, IDisposable
{
    private readonly string _foreign = Path.Combine(Path.GetTempPath(), $"oai-foreign-{Guid.NewGuid():N}");
    private LocalNetwork? _network;

    private LocalNetwork Network => _network!;

    // One provider: StartAsync returns once it has signed in, over TLS, pinned to the test CA.
    public async Task InitializeAsync() => _network = await LocalNetwork.StartAsync(providers: 1, kestrel: true);

    public async Task DisposeAsync() => await _network!.DisposeAsync();

    [Fact]
    public async Task ANodePinnedToTheGatewaysCaSignsInOverTls()
    {
        Assert.Equal("https", Network.Api.GrpcUrl!.Scheme);
        using var pin = TestCertificates.Authority();
        using var channel = GatewayChannel.Create(Network.Api.GrpcUrl!, pin);

        var challenge = await new ProviderGateway.ProviderGatewayClient(channel).RequestChallengeAsync(new ChallengeRequest { Address = MessageSignatures.AddressOf(EthECKey.GenerateKey()) });

        Assert.False(string.IsNullOrEmpty(challenge.Nonce));
        var providers = await Network.Sdk.Providers.ListAsync();
        Assert.Equal(1, providers.Total);
    }

    [Fact]
    public async Task ANodePinnedToAnotherCaRefusesTheGateway()
    {
        using var pin = PinnedCertificateAuthority.FromPemFile(DevelopmentCertificates.Ensure(_foreign, []).Files.AuthorityPath);
        using var channel = GatewayChannel.Create(Network.Api.GrpcUrl!, pin);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ProviderGateway.ProviderGatewayClient(channel).RequestChallengeAsync(new ChallengeRequest { Address = MessageSignatures.AddressOf(EthECKey.GenerateKey()) }));

        // The call never started: the TLS handshake failed on the node's side.
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.Status.DebugException?.InnerException);
    }

    [Fact]
    public async Task TheSdkPinnedToTheCaCallsTheApiOverHttps()
    {
        using var client = new OaiClient(Network.Api.HttpUrl!, NetworkApi.ClientKey, new OaiClientOptions { PinnedAuthorityFile = TestCertificates.Files.AuthorityPath });

        var jobs = await client.Jobs.ListAsync();

        Assert.NotNull(jobs);
    }

    [Fact]
    public async Task TheSdkRefusesAServerFromAnotherCaAndOneTheMachineDoesNotTrust()
    {
        var foreign = DevelopmentCertificates.Ensure(_foreign, []).Files;
        using var pinnedElsewhere = new OaiClient(Network.Api.HttpUrl!, NetworkApi.ClientKey, new OaiClientOptions { PinnedAuthorityFile = foreign.AuthorityPath });
        using var unpinned = new OaiClient(Network.Api.HttpUrl!, NetworkApi.ClientKey);

        await Assert.ThrowsAsync<HttpRequestException>(() => pinnedElsewhere.Jobs.ListAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => unpinned.Jobs.ListAsync());
    }

    [Fact]
    public void TheSdkRefusesPlaintextUnlessAllowed()
    {
        var plaintext = new Uri($"http://127.0.0.1:{Network.Api.HttpUrl!.Port}");

        var refused = Assert.Throws<ArgumentException>(() => new OaiClient(plaintext, NetworkApi.ClientKey));

        Assert.Contains("AllowPlaintext", refused.Message, StringComparison.Ordinal);
        using var allowed = new OaiClient(plaintext, NetworkApi.ClientKey, new OaiClientOptions { AllowPlaintext = true });
    }

    public void Dispose()
    {
        if (Directory.Exists(_foreign))
        {
            Directory.Delete(_foreign, recursive: true);
        }
    }
}
