namespace OrleansAI.Grains.Verification;

/// <summary>Persistent state of <see cref="CaseIndexGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.CaseIndexState")]
public sealed class CaseIndexState
{
    /// <summary>Cases by id.</summary>
    [Id(0)] public Dictionary<string, CaseEntry> Cases { get; set; } = new(StringComparer.Ordinal);
}
