namespace OrleansAI.Sdk.Cases;

/// <summary>An operator's decision on a disputed fraud case.</summary>
/// <param name="Upheld">True gives the provider its stake back; false makes the slash final.</param>
/// <param name="Reason">Why, for the record (1 to <see cref="MaxReasonChars"/> characters).</param>
public sealed record CaseResolution(bool? Upheld, string? Reason)
{
    /// <summary>Longest reason kept.</summary>
    public const int MaxReasonChars = 500;
}
