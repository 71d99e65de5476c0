using Microsoft.Extensions.DependencyInjection.Extensions;
using Nethereum.Web3;
using OrleansAI.Settlement.Indexing;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Staking;

namespace OrleansAI.Api.Gateway;

/// <summary>Wires the provider gateway into the Api.</summary>
public static class GatewayRegistration
{
    /// <summary>Adds gRPC, the gateway's options and its session tokens.</summary>
    public static WebApplicationBuilder AddProviderGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SessionKey is null or "" || IsKey(o.SessionKey), "Gateway:SessionKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        builder.Services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section);
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddSingleton<ChallengeTokens>();
        builder.Services.AddSingleton<LiveProviders>();
        builder.Services.AddSingleton<SignInLimits>();
        // With a deployment file the network admits only staked providers (docs/protocol.md).
        if (builder.Configuration[$"{ChainOptions.Section}:DeploymentFile"] is { Length: > 0 } deploymentFile
            && builder.Configuration[$"{ChainOptions.Section}:RpcUrl"] is { Length: > 0 } rpc)
        {
            // The contracts' events are mirrored into the Api (stakes, escrows, licences): the gate and
            // the chain endpoints read the mirror instead of the chain.
            builder.Services.TryAddSingleton(_ => DeploymentFile.Load(deploymentFile));
            builder.Services.AddSingleton(sp => ChainIndexer.ForDeployment(new Web3(rpc), sp.GetRequiredService<DeploymentFile>(),
                new ChainIndexerOptions { Confirmations = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainOptions>>().Value.EffectiveConfirmations }));
            builder.Services.AddSingleton<ChainMirror>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ChainMirror>());
            if (builder.Configuration.GetValue($"{GatewayOptions.Section}:RequireStake", true))
            {
                builder.Services.AddSingleton(sp => new StakeRequirement(rpc, sp.GetRequiredService<DeploymentFile>()));
                builder.Services.AddSingleton<StakeGate>();
                builder.Services.AddHostedService<StakeFollower>();
            }
        }

        builder.Services.AddGrpc(o =>
        {
            // Nodes send control messages and inference outputs; weights and updates go through the blob
            // store. The inference API bounds outputs well below this (InferenceApi).
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
            o.EnableDetailedErrors = false;
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Grpc.AspNetCore.Server.Model.IServiceMethodProvider<ProviderGatewayService>, GatewayMethodProvider>());
        return builder;
    }

    /// <summary>Maps the gateway's gRPC service.</summary>
    public static IEndpointRouteBuilder MapProviderGateway(this IEndpointRouteBuilder endpoints)
    {
        // Providers authenticate inside the protocol (a signed sign-in, then a session token), not by API key.
        endpoints.MapGrpcService<ProviderGatewayService>().AllowAnonymous();
        return endpoints;
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }
}
