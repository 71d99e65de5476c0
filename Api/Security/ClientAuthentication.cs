using Microsoft.AspNetCore.Authentication;

namespace OrleansAI.Api.Security;

/// <summary>Registers API-key authentication for the client API.</summary>
public static class ClientAuthentication
{
    /// <summary>
    /// Adds the API-key scheme and binds the allowed clients. With none configured outside a
    /// cluster (the embedded default), one key is made up for a client named <c>local</c> and
    /// logged once at start, so a developer can try the API; a cluster never gets one.
    /// </summary>
    public static WebApplicationBuilder AddClientAuthentication(this WebApplicationBuilder builder, bool clustered)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ClientKeyOptions>().BindConfiguration(ClientKeyOptions.Section)
            .Validate(o => o.Keys.TrueForAll(k => k.ClientId.Length is > 0 and <= 64 && Grains.Interfaces.Storage.ContentReference.IsSha256(k.Sha256)), "Every Clients:Keys entry needs a ClientId (1-64 chars) and a lower-case hex Sha256.")
            .Validate(o => o.Keys.TrueForAll(k => k.Wallet is null or "" || Protocol.ProviderAddress.IsValid(k.Wallet)), "Clients:Keys:N:Wallet must be an Ethereum address.")
            .Validate(o => o.Keys.TrueForAll(k => k.Roles.TrueForAll(r => r == ClientKey.OperatorRole)), $"Clients:Keys:N:Roles may only hold \"{ClientKey.OperatorRole}\".")
            .ValidateOnStart();
        var configured = builder.Configuration.GetSection($"{ClientKeyOptions.Section}:Keys").GetChildren().Any();
        if (!configured && !clustered)
        {
            var key = "oai_dev_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            builder.Services.PostConfigure<ClientKeyOptions>(o => o.Keys.Add(new ClientKey { ClientId = "local", Sha256 = ApiKeyAuthentication.Hash(key) }));
            builder.Services.AddHostedService(sp => new DevelopmentKeyAnnouncer(sp.GetRequiredService<ILogger<DevelopmentKeyAnnouncer>>(), key));
        }

        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy(ClientKey.OperatorRole, p => p.RequireRole(ClientKey.OperatorRole)));
        return builder;
    }
}
