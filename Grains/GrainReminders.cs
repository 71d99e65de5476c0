namespace OrleansAI.Grains;

/// <summary>Reminder chores every durable grain repeats.</summary>
internal static class GrainReminders
{
    /// <summary>Unregisters the grain's reminder <paramref name="name"/> if it has one.</summary>
    public static async Task DropReminderAsync(this Grain grain, string name)
    {
        var reminder = await grain.GetReminder(name);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
