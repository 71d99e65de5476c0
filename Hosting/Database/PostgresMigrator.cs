using System.Reflection;
using Npgsql;

namespace OrleansAI.Hosting.Database;

/// <summary>
/// Applies the embedded schema scripts (infra/sql) to PostgreSQL. Every script is idempotent, so
/// the whole set is applied at each start; an advisory lock keeps silos that start together from
/// interleaving DDL.
/// </summary>
public static partial class PostgresMigrator
{
    private const string ResourcePrefix = "OrleansAI.Sql.";

    // Arbitrary constant shared by every silo of every version: the lock only has to be the same number everywhere.
    private const long AdvisoryLockKey = 0x4F41495F53514CL;

    /// <summary>Names of the embedded scripts in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } = typeof(PostgresMigrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string ScriptList => string.Join(", ", ScriptNames);

    /// <summary>Applies every script in one transaction.</summary>
    /// <exception cref="DependencyUnavailableException">PostgreSQL cannot be reached or refused the schema.</exception>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        if (ScriptNames.Count == 0)
        {
            throw new InvalidOperationException("No schema scripts are embedded; the build did not pick up infra/sql/*.sql.");
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var name in ScriptNames)
            {
                await using var command = new NpgsqlCommand(ReadScript(name), connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, ScriptNames.Count, ScriptList);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            throw new DependencyUnavailableException(
                "PostgreSQL",
                $"PostgreSQL at {target.Host}:{target.Port}/{target.Database} could not be prepared: {ex.Message}",
                ex);
        }
    }

    /// <summary>The text of one embedded script.</summary>
    public static string ReadScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new ArgumentException($"No embedded schema script named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {ScriptCount} schema scripts to PostgreSQL: {Scripts}")]
    private static partial void LogApplied(ILogger logger, int scriptCount, string scripts);
}
