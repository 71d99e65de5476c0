using Google.Protobuf;
using Grpc.Core;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// The gateway's gRPC methods, with the wire names of <c>provider.proto</c> but marshallers of our
/// own: the generated ones let bytes that are not a valid message throw
/// <see cref="InvalidProtocolBufferException"/>, which gRPC answers as <see cref="StatusCode.Unknown"/>
/// ("exception was thrown by handler", the 500 of gRPC) and logs as a server error. Providers are
/// untrusted, so damaged bytes are their fault: these refuse them with <see cref="StatusCode.InvalidArgument"/>.
/// </summary>
public static class GatewayMethods
{
    private static readonly string Service = ProviderGateway.Descriptor.FullName;

    /// <summary>Asks for a sign-in challenge.</summary>
    public static Method<ChallengeRequest, Challenge> RequestChallenge { get; } =
        new(MethodType.Unary, Service, nameof(RequestChallenge), Strict(ChallengeRequest.Parser), Strict(Challenge.Parser));

    /// <summary>Signs in with the signed challenge.</summary>
    public static Method<LoginRequest, Session> Login { get; } =
        new(MethodType.Unary, Service, nameof(Login), Strict(LoginRequest.Parser), Strict(Session.Parser));

    /// <summary>The provider's live stream.</summary>
    public static Method<NodeMessage, GatewayMessage> Connect { get; } =
        new(MethodType.DuplexStreaming, Service, nameof(Connect), Strict(NodeMessage.Parser), Strict(GatewayMessage.Parser));

    // Serialises as the generated marshallers do (straight into gRPC's buffer: inference replies are large
    // and frequent) and parses the same way, turning a parse failure into the sender's error.
    private static Marshaller<T> Strict<T>(MessageParser<T> parser)
        where T : IMessage<T>, IBufferMessage
        => Marshallers.Create<T>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context =>
            {
                try
                {
                    return parser.ParseFrom(context.PayloadAsReadOnlySequence());
                }
                catch (InvalidProtocolBufferException ex)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"the {typeof(T).Name} message is not valid protobuf: {ex.Message}"));
                }
            });
}
