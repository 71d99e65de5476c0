using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansAI.Hosting.Audit;
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
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.KeysAreDistinct, "Chain:PlatformKey, Chain:SlasherKey and Chain:ArbiterKey must be different keys: one key per role.")
            .ValidateOnStart();
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
        services.TryAddSingleton(new Grains.Providers.SuspensionPolicy(
            builder.Configuration.GetValue("Providers:SuspensionPeriod", Grains.Providers.SuspensionPolicy.DefaultPeriod)));

        // Every host records accesses (Api routes, grains reading datasets and results, chain signers).
        builder.AddAuditLog(configured);

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

        if (configured.Chain.IsConfigured)
        {
            services.AddHttpClient<JsonRpcProbe>(c => c.Timeout = TimeSpan.FromSeconds(5));
            health.AddCheck<ChainHealthCheck>(HealthCheckNames.Chain, HealthStatus.Unhealthy, ready, CheckTimeout);
        }

        return configured;
    }

    /// <summary>
    /// Registers the chain signers and what acts through them: job settlement and reward multipliers
    /// from the platform key, slashing from the slasher key, rulings from the arbiter key when one is
    /// configured. Only silos call this: the Api mirrors the chain read-only and holds no key, even
    /// when its configuration carries one.
    /// </summary>
    public static IHostApplicationBuilder AddChainSigners(this IHostApplicationBuilder builder, ConfiguredDependencies configured)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configured);
        var services = builder.Services;
        if (configured.Chain is not { IsConfigured: true, DeploymentFile.Length: > 0, PlatformKey.Length: > 0 } chain)
        {
            return builder;
        }

        services.TryAddSingleton(_ => Settlement.Deployment.DeploymentFile.Load(chain.DeploymentFile!));
        // One signer per role and key, each with its own nonces.
        services.TryAddSingleton(sp => new Chain.ChainSigners(chain, sp.GetRequiredService<Settlement.Deployment.DeploymentFile>(), sp.GetService<Grains.Interfaces.Audit.IAuditLog>()));
        // Jobs with a budget wait for their escrow, lock it on chain when they start, and pay their providers from it.
        services.TryAddSingleton(sp =>
        {
            var signers = sp.GetRequiredService<Chain.ChainSigners>();
            return new Chain.ChainJobSettlement(new Settlement.Services.JobEscrowService(signers.Platform, signers.Deployment.Contracts.JobEscrow), signers.Deployment, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainJobSettlement>>());
        });
        services.TryAddSingleton<Grains.Settlement.IJobSettlement>(sp => sp.GetRequiredService<Chain.ChainJobSettlement>());
        // Staking rewards follow reputation: the platform key (PLATFORM_ROLE on Rewards) sets each provider's multiplier.
        services.TryAddSingleton<Grains.Settlement.IRewardsPublisher>(sp =>
        {
            var signers = sp.GetRequiredService<Chain.ChainSigners>();
            return new Chain.ChainRewardsPublisher(new Settlement.Services.RewardsService(signers.Platform, signers.Deployment.Contracts.Rewards), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainRewardsPublisher>>());
        });
        if (chain.SlasherKey is { Length: > 0 })
        {
            // Proven fraud is slashed from the slasher's own key: a share of the stake per case, within the contract's caps.
            services.TryAddSingleton<Grains.Verification.ISlasher>(sp =>
            {
                var signers = sp.GetRequiredService<Chain.ChainSigners>();
                var staking = signers.Deployment.Contracts.Staking;
                return new Chain.ChainSlasher(
                    new Settlement.Services.StakingService(signers.Slasher!, staking),
                    signers.Arbiter is { } arbiter ? new Settlement.Services.StakingService(arbiter, staking) : null,
                    sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetValue("Verification:SlashShareBps", 1000),
                    sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Chain.ChainSlasher>>());
            });
        }

        return builder;
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
