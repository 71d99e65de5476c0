namespace OrleansAI.Api.Security;

/// <summary>Registers API-key authentication for the client API.</summary>
public static class ClientAuthentication
{
    /// <summary>
    /// Adds the API-key scheme with an authenticated caller as the fallback policy. With no keys
    /// configured outside a cluster (the embedded default), one key is made up for a client named
    /// <c>local</c> and logged once at start, so a developer can try the API; a cluster never gets one.
    /// </summary>
    public static WebApplicationBuilder AddClientAuthentication(this WebApplicationBuilder builder, bool clustered) =>
        builder.AddKeyAuthentication(clustered, "local");
}
