using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// The provider gateway's methods with bytes for messages, so that a test can send exactly the bytes a
/// hostile provider would (damaged protobuf included) to the real gRPC endpoint of the test server.
/// </summary>
internal static class RawGrpc
{
    private const string Service = "orleansai.provider.v1.ProviderGateway";

    private static readonly Marshaller<byte[]> Bytes = new(bytes => bytes, bytes => bytes);

    public static Method<byte[], byte[]> RequestChallenge { get; } = new(MethodType.Unary, Service, "RequestChallenge", Bytes, Bytes);

    public static Method<byte[], byte[]> Login { get; } = new(MethodType.Unary, Service, "Login", Bytes, Bytes);

    public static Method<byte[], byte[]> Connect { get; } = new(MethodType.DuplexStreaming, Service, "Connect", Bytes, Bytes);

    /// <summary>A channel to the factory's in-memory server.</summary>
    public static GrpcChannel Channel(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Server; // Starts the host.
        return GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }
}
