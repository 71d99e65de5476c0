namespace OrleansAI.Grains.Verification;

/// <inheritdoc cref="ICaseIndexGrain" />
public sealed class CaseIndexGrain([PersistentState("cases", "Default")] IPersistentState<CaseIndexState> state) : Grain, ICaseIndexGrain
{
    /// <inheritdoc />
    public async Task RecordAsync(CaseEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.Cases.TryGetValue(entry.Id, out var known) && known == entry)
        {
            return;
        }

        state.State.Cases[entry.Id] = entry;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CaseEntry>> ListAsync(FraudCaseStatus? status, int skip, int take) =>
        Task.FromResult<IReadOnlyList<CaseEntry>>([.. state.State.Cases.Values
            .Where(c => status is null || c.Status == status)
            .OrderByDescending(c => c.OpenedUtc)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 0, 1000))]);
}
