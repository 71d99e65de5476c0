using Npgsql;
using Orleans;

namespace OrleansAI.Hosting.Database;

/// <summary>
/// Applies the schema as the first step of the silo lifecycle, before membership, storage and
/// reminders read their queries from the database, so a fresh database just works.
/// </summary>
public sealed class SchemaMigrationParticipant(NpgsqlDataSource dataSource, ILogger<SchemaMigrationParticipant> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Well before <see cref="ServiceLifecycleStage.RuntimeInitialize"/>, where the membership table starts.</summary>
    public const int Stage = ServiceLifecycleStage.RuntimeInitialize - 1000;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), Stage, ct => PostgresMigrator.ApplyAsync(dataSource, logger, ct));
    }
}
