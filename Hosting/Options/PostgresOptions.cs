using Npgsql;

namespace OrleansAI.Hosting.Options;

/// <summary>
/// Where the cluster keeps membership, grain state and reminders. Leaving the connection string
/// empty selects the embedded default (localhost clustering, in-memory storage).
/// </summary>
public sealed class PostgresOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Postgres";

    /// <summary>ADO.NET invariant the Orleans providers use to find Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=15432;Database=orleans;Username=orleans;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether PostgreSQL is configured (otherwise the embedded default applies).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Host, port and database for messages; never includes credentials.</summary>
    public string Describe()
    {
        if (!IsConfigured)
        {
            return "(not configured)";
        }

        var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{csb.Host}:{csb.Port}/{csb.Database}";
    }
}
