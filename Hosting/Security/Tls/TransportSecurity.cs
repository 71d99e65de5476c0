using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Security.Tls;

/// <summary>
/// Encryption in transit is the default: a host refuses to start with a plaintext HTTP endpoint,
/// or in cluster mode without <c>Cluster:Tls</c>, unless <c>Tls:AllowPlaintext</c> is on; then
/// it starts and says so in a warning.
/// </summary>
public static class TransportSecurity
{
    /// <summary>What Kestrel listens on when nothing is configured: plaintext.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    /// <summary>Registers the checks (run when the host starts, so a refusal is an invalid-configuration exit) and the warning.</summary>
    public static IHostApplicationBuilder AddTransportSecurity(this IHostApplicationBuilder builder, ConfiguredDependencies configured)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configured);
        var configuration = builder.Configuration;
        builder.Services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TlsOptions>>(new PlaintextValidator(configuration, configured));
        builder.Services.AddHostedService(sp => new PlaintextWarning(
            sp.GetRequiredService<IOptions<TlsOptions>>(),
            PlaintextParts(configuration, configured),
            sp.GetRequiredService<ILogger<PlaintextWarning>>()));
        return builder;
    }

    /// <summary>The plaintext HTTP endpoints <paramref name="configuration"/> makes Kestrel listen on.</summary>
    public static IReadOnlyList<string> PlaintextEndpoints(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count == 0)
        {
            // Without named endpoints Kestrel takes the urls setting (Urls, ASPNETCORE_URLS, --urls),
            // then the http_ports/https_ports settings, then its own plaintext default.
            endpoints = [.. (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            endpoints.AddRange((configuration["http_ports"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
            if (endpoints.Count == 0 && string.IsNullOrWhiteSpace(configuration["https_ports"]))
            {
                endpoints.Add(KestrelDefault);
            }
        }

        return [.. endpoints.Where(e => e.StartsWith("http://", StringComparison.OrdinalIgnoreCase))];
    }

    // Everything the switch would let through, in words for the error and the warning.
    internal static IReadOnlyList<string> PlaintextParts(IConfiguration configuration, ConfiguredDependencies configured)
    {
        var parts = PlaintextEndpoints(configuration).Select(e => $"HTTP endpoint {e}").ToList();
        if (configured.IsClustered && !configured.Cluster.Tls.IsConfigured)
        {
            parts.Add("the cluster's connections (no Cluster:Tls)");
        }

        return parts;
    }

    private sealed class PlaintextValidator(IConfiguration configuration, ConfiguredDependencies configured) : IValidateOptions<TlsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TlsOptions options)
        {
            var failures = new List<string>();
            if (configured.Cluster.Tls.IsConfigured && !configured.Cluster.Tls.IsComplete)
            {
                failures.Add("Cluster:Tls needs all of CertificatePath, KeyPath and CaPath.");
            }

            var plaintext = PlaintextParts(configuration, configured);
            if (plaintext.Count > 0 && !options.AllowPlaintext)
            {
                failures.Add(
                    $"plaintext is refused: {string.Join(", ", plaintext)}. Use https endpoints with a certificate "
                    + "(Kestrel:Endpoints:NAME:Url https://..., :Certificate:Path and :Certificate:KeyPath, PEM) and Cluster:Tls:CertificatePath, :KeyPath, :CaPath in cluster mode, "
                    + $"or set {TlsOptions.AllowPlaintextSetting}=true (development only).");
            }

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }
}
