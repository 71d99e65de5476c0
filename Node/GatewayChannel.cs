using System.Net;
using Grpc.Net.Client;

namespace OrleansAI.Node;

/// <summary>The gRPC channel provider agents share to reach the gateway.</summary>
public static class GatewayChannel
{
    /// <summary>Largest message a node accepts from the gateway: inference calls carry whole batches of rows.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>A channel to the gateway that speaks HTTP/2 without TLS when the URL is http.</summary>
    public static GrpcChannel Create(Uri gateway) => GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan, KeepAlivePingDelay = TimeSpan.FromSeconds(30), KeepAlivePingTimeout = TimeSpan.FromSeconds(10) },
        HttpVersion = HttpVersion.Version20,
    });
}
