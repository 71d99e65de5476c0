namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>What became of a submitted result.</summary>
[GenerateSerializer, Alias("OrleansAI.SubmitOutcome")]
public enum SubmitOutcome
{
    /// <summary>Counted in its round.</summary>
    Accepted = 0,

    /// <summary>Its round had already closed; ignored.</summary>
    Late = 1,

    /// <summary>Already received; the first copy counts.</summary>
    Duplicate = 2,

    /// <summary>Not a task of this provider, or not acceptable.</summary>
    Refused = 3,
}
