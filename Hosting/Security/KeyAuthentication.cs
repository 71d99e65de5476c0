using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrleansAI.Hosting.Security;

/// <summary>API-key authentication and the authorisation every endpoint of the Api and the silo starts from.</summary>
public static class KeyAuthentication
{
    /// <summary>
    /// Adds the API-key scheme, binds the allowed keys (<c>Clients:Keys</c>) and makes an
    /// authenticated caller the fallback policy, so an endpoint is closed unless it declares
    /// itself anonymous. With no keys configured outside a cluster (the embedded default), one key
    /// is made up for <paramref name="developmentClient"/> with <paramref name="developmentRoles"/>
    /// and logged once at start; a cluster never gets one.
    /// </summary>
    public static WebApplicationBuilder AddKeyAuthentication(this WebApplicationBuilder builder, bool clustered, string developmentClient, params string[] developmentRoles)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ClientKeyOptions>().BindConfiguration(ClientKeyOptions.Section)
            .Validate(o => o.Keys.TrueForAll(k => k.ClientId.Length is > 0 and <= 64 && !k.ClientId.Contains('/', StringComparison.Ordinal) && Grains.Interfaces.Storage.ContentReference.IsSha256(k.Sha256)), "Every Clients:Keys entry needs a ClientId (1-64 chars, no '/') and a lower-case hex Sha256.")
            .Validate(o => o.Keys.TrueForAll(k => k.Wallet is null or "" || EthAddresses.IsValid(k.Wallet)), "Clients:Keys:N:Wallet must be an Ethereum address.")
            .Validate(o => o.Keys.TrueForAll(k => k.Roles.TrueForAll(r => r == ClientKey.OperatorRole)), $"Clients:Keys:N:Roles may only hold \"{ClientKey.OperatorRole}\".")
            .ValidateOnStart();
        var configured = builder.Configuration.GetSection($"{ClientKeyOptions.Section}:Keys").GetChildren().Any();
        if (!configured && !clustered)
        {
            var key = "oai_dev_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            builder.Services.PostConfigure<ClientKeyOptions>(o =>
            {
                var entry = new ClientKey { ClientId = developmentClient, Sha256 = ApiKeyAuthentication.Hash(key) };
                entry.Roles.AddRange(developmentRoles);
                o.Keys.Add(entry);
            });
            builder.Services.AddHostedService(sp => new DevelopmentKeyAnnouncer(sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DevelopmentKeyAnnouncer>>(), developmentClient, key));
        }

        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(ClientKey.OperatorRole, p => p.RequireRole(ClientKey.OperatorRole));
            // Closed by default: a new endpoint that forgets RequireAuthorization is still closed.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build();
        });
        return builder;
    }
}
