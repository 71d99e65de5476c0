using System.Globalization;
using System.Text;

namespace OrleansAI.Sdk.Audit;

/// <summary>The audit log of accesses to the caller's datasets, model versions and results (<c>/api/audit</c>).</summary>
public sealed class AuditClient
{
    private readonly ApiTransport _api;

    internal AuditClient(ApiTransport api) => _api = api;

    /// <summary>The entries <paramref name="filter"/> selects, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter? filter = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<AuditEntry>>(Path(filter ?? new AuditFilter()), cancellationToken);

    /// <summary>The request path for <paramref name="filter"/>.</summary>
    internal static string Path(AuditFilter filter)
    {
        var query = new StringBuilder("api/audit");
        var first = true;
        void Add(string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            query.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        Add("resource", filter.Resource);
        Add("action", filter.Action);
        Add("actor", filter.Actor);
        Add("allowed", filter.Allowed?.ToString().ToLowerInvariant());
        Add("since", filter.Since?.ToString("O", CultureInfo.InvariantCulture));
        Add("until", filter.Until?.ToString("O", CultureInfo.InvariantCulture));
        Add("before", filter.Before?.ToString(CultureInfo.InvariantCulture));
        Add("limit", filter.Limit?.ToString(CultureInfo.InvariantCulture));
        Add("owner", filter.Owner);
        return query.ToString();
    }
}
