namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>The key of an aggregation round grain: <c>{job}/{round}</c>.</summary>
public static class RoundKeys
{
    /// <summary>The key of round <paramref name="round"/> of <paramref name="jobId"/>.</summary>
    public static string Of(string jobId, int round) => string.Create(CultureInfo.InvariantCulture, $"{jobId}/{round}");
}
