using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Audit;

/// <summary>Registers the audit log: PostgreSQL when it is configured, memory otherwise.</summary>
public static class AuditRegistration
{
    /// <summary>Registers <see cref="IAuditLog"/>, its store and its writer (every host: the Api and the silos record).</summary>
    public static IHostApplicationBuilder AddAuditLog(this IHostApplicationBuilder builder, ConfiguredDependencies configured)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configured);
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.Retention >= AuditOptions.MinimumRetention, "Audit:Retention must be at least 7 days (7.00:00:00): the database refuses to delete younger entries.")
            .Validate(o => o.FlushInterval >= TimeSpan.FromMilliseconds(10) && o.FlushInterval <= TimeSpan.FromMinutes(1), "Audit:FlushInterval must be between 10 ms and 1 minute.")
            .Validate(o => o.PruneInterval >= TimeSpan.FromSeconds(1), "Audit:PruneInterval must be at least a second.")
            .ValidateOnStart();
        if (configured.Postgres.IsConfigured)
        {
            services.TryAddSingleton<IAuditStore>(sp => new PostgresAuditStore(sp.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        }

        services.TryAddSingleton<AuditWriter>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        return builder;
    }

    /// <summary>Registers the retention job: the silos delete old entries, the Api only appends.</summary>
    public static IHostApplicationBuilder AddAuditRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<AuditRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return builder;
    }
}
