using System.Net;
using Grpc.Net.Client;
using OrleansAI.Tls;

namespace OrleansAI.Node;

/// <summary>The gRPC channel provider agents share to reach the gateway.</summary>
public static class GatewayChannel
{
    /// <summary>Largest message a node accepts from the gateway: inference calls carry whole batches of rows.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>
    /// A channel to the gateway over HTTP/2: TLS for an https URL, checked against
    /// <paramref name="authority"/> alone when one is pinned (else the machine's trust store);
    /// plaintext for an http URL (callers allow that only behind an explicit switch).
    /// </summary>
    public static GrpcChannel Create(Uri gateway, PinnedCertificateAuthority? authority = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan, KeepAlivePingDelay = TimeSpan.FromSeconds(30), KeepAlivePingTimeout = TimeSpan.FromSeconds(10) };
        authority?.Apply(handler);
        return GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaxMessageBytes,
            HttpHandler = handler,
            HttpVersion = HttpVersion.Version20,
        });
    }
}
