using Grpc.AspNetCore.Server.Model;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// Binds <see cref="ProviderGatewayService"/> to <see cref="GatewayMethods"/>. The service does not
/// derive from the generated base class, whose binding would bring the generated marshallers with it.
/// </summary>
public sealed class GatewayMethodProvider : IServiceMethodProvider<ProviderGatewayService>
{
    /// <inheritdoc />
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ProviderGatewayService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddUnaryMethod(GatewayMethods.RequestChallenge, [], (service, request, call) => service.RequestChallenge(request, call));
        context.AddUnaryMethod(GatewayMethods.Login, [], (service, request, call) => service.Login(request, call));
        context.AddDuplexStreamingMethod(GatewayMethods.Connect, [], (service, requests, responses, call) => service.Connect(requests, responses, call));
    }
}
