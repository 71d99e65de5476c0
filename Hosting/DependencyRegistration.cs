using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansAI.Hosting.Health;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Hosting.Startup;
using OrleansAI.Hosting.Storage;

namespace OrleansAI.Hosting;

/// <summary>Binds, validates and registers the external services a host uses, with their health checks.</summary>
public static class DependencyRegistration
{
    // A readiness probe must answer well within a load balancer's timeout, even when a dependency hangs.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Binds the options (validated on start), registers a client and a readiness check for each
    /// configured dependency, and returns what is configured so the host can choose its mode.
    /// </summary>
    public static ConfiguredDependencies AddOrleansAIDependencies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section)
            .Validate(o => !o.IsConfigured || IsValidConnectionString(o.ConnectionString!), "Postgres:ConnectionString is not a valid Npgsql connection string.")
            .ValidateOnStart();
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.Section)
            .Validate(o => BlobContainerNameIsValid(o.Container), "BlobStorage:Container must be 3-63 lowercase letters, digits or single hyphens.")
            .Validate(o => o.ResultRetention is null || o.ResultRetention > TimeSpan.Zero, "BlobStorage:ResultRetention must be a positive time span, e.g. 30.00:00:00.")
            .ValidateOnStart();
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterEndpointOptions>().BindConfiguration(ClusterEndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StartupGateOptions>().BindConfiguration(StartupGateOptions.Section);

        var configured = new ConfiguredDependencies(
            Read<PostgresOptions>(builder.Configuration, PostgresOptions.Section),
            Read<BlobStorageOptions>(builder.Configuration, BlobStorageOptions.Section),
            Read<ChainOptions>(builder.Configuration, ChainOptions.Section),
            Read<ClusterEndpointOptions>(builder.Configuration, ClusterEndpointOptions.Section));

        // The platform's own verifier nodes (trusted by address) and the chain id results are signed for.
        var verifiers = (builder.Configuration["Verification:Verifiers"] ?? "")
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.ToLowerInvariant())
            .ToList();
        if (verifiers.Any(a => a.Length != 42 || !a.StartsWith("0x", StringComparison.Ordinal) || !a[2..].All(char.IsAsciiHexDigit)))
        {
            throw new InvalidOperationException("Verification:Verifiers must list 0x-prefixed Ethereum addresses.");
        }

        services.TryAddSingleton(new Grains.Verification.VerificationSetup(verifiers, configured.Chain.ChainId));
        services.TryAddSingleton(new Grains.Jobs.ResultRetention(configured.BlobStorage.ResultRetention));

        var health = services.AddHealthChecks();
        string[] ready = [HealthTags.Ready];
        if (configured.Postgres.IsConfigured && IsValidConnectionString(configured.Postgres.ConnectionString!))
        {
            var connectionString = configured.Postgres.ConnectionString!;
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            health.AddCheck<PostgresHealthCheck>(HealthCheckNames.Postgres, HealthStatus.Unhealthy, ready, CheckTimeout);
        }

        if (configured.BlobStorage.IsConfigured)
        {
            var connectionString = configured.BlobStorage.ConnectionString!;
            services.TryAddSingleton(_ => new BlobServiceClient(connectionString, new BlobClientOptions
            {
                // Fail fast: callers own their retries, and a health probe must not hang on backoff.
                Retry = { MaxRetries = 2, Mode = RetryMode.Exponential, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(10) },
            }));
            health.AddCheck<BlobStorageHealthCheck>(HealthCheckNames.BlobStorage, HealthStatus.Unhealthy, ready, CheckTimeout);
            services.TryAddSingleton<IContentStore, AzureContentStore>();
        }

        if (configured.Chain is { IsConfigured: true, DeploymentFile.Length: > 0, PlatformKey.Length: > 0 } chain)
        {
            // One signer for the platform key, so payouts and slashes share its nonces.
            services.TryAddSingleton(_ => Settlement.Deployment.DeploymentFile.Load(chain.DeploymentFile!));
            services.TryAddSingleton(_ => new Settlement.SettlementSigner(chain.RpcUrl!, chain.ChainId, chain.PlatformKey!));
            // Jobs with a budget wait for their escrow and pay their providers from it.
            services.TryAddSingleton(sp =>
            {
                var deployment = sp.GetRequiredService<Settlement.Deployment.DeploymentFile>();
                var signer = sp.GetRequiredService<Settlement.SettlementSigner>();
                return new Chain.ChainJobSettlement(new Settlement.Services.JobEscrowService(signer, deployment.Contracts.JobEscrow), deployment, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainJobSettlement>>());
            });
            services.TryAddSingleton<Grains.Settlement.IJobSettlement>(sp => sp.GetRequiredService<Chain.ChainJobSettlement>());
            // Staking rewards follow reputation: the same key (PLATFORM_ROLE on Rewards) sets each provider's multiplier.
            services.TryAddSingleton<Grains.Settlement.IRewardsPublisher>(sp => new Chain.ChainRewardsPublisher(
                new Settlement.Services.RewardsService(sp.GetRequiredService<Settlement.SettlementSigner>(), sp.GetRequiredService<Settlement.Deployment.DeploymentFile>().Contracts.Rewards),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainRewardsPublisher>>()));
            // Proven fraud is slashed from the same key (it holds SLASHER_ROLE): a share of the stake per case.
            services.TryAddSingleton<Grains.Verification.ISlasher>(sp => new Chain.ChainSlasher(
                new Settlement.Services.StakingService(sp.GetRequiredService<Settlement.SettlementSigner>(), sp.GetRequiredService<Settlement.Deployment.DeploymentFile>().Contracts.Staking),
                sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetValue("Verification:SlashShareBps", 1000),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainSlasher>>()));
        }

        if (configured.Chain.IsConfigured)
        {
            services.AddHttpClient<JsonRpcProbe>(c => c.Timeout = TimeSpan.FromSeconds(5));
            health.AddCheck<ChainHealthCheck>(HealthCheckNames.Chain, HealthStatus.Unhealthy, ready, CheckTimeout);
        }

        return configured;
    }

    /// <summary>Adds the cluster readiness check (any process with a grain factory: silo or client).</summary>
    public static IServiceCollection AddClusterHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>(HealthCheckNames.Cluster, HealthStatus.Unhealthy, [HealthTags.Ready], CheckTimeout);
        return services;
    }

    /// <summary>
    /// Makes the named checks a condition of starting: the host waits for them briefly, then exits
    /// with a message naming what is missing. Call before adding Orleans so the gate runs first.
    /// </summary>
    public static IServiceCollection RequireAtStartup(this IServiceCollection services, params string[] checkNames)
    {
        ArgumentNullException.ThrowIfNull(checkNames);
        services.Configure<StartupGateOptions>(o =>
        {
            foreach (var name in checkNames)
            {
                o.Required.Add(name);
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupGate>());
        return services;
    }

    private static T Read<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            // A value that does not bind (a malformed time span, say) is reported when the host
            // starts, as invalid configuration (HostRunner); this early read only looks at which
            // services are configured.
            return new T();
        }
    }

    private static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(csb.Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool BlobContainerNameIsValid(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);
}
