namespace OrleansAI.Grains.Rounds;

/// <summary>Where one task of a round is.</summary>
[GenerateSerializer, Alias("OrleansAI.RoundTaskState")]
public enum RoundTaskState
{
    /// <summary>Recorded, being offered to the provider.</summary>
    Offered = 0,

    /// <summary>The provider has it; no answer yet.</summary>
    Pending = 1,

    /// <summary>Its result was accepted.</summary>
    Done = 2,

    /// <summary>The provider reported it could not do it.</summary>
    Failed = 3,

    /// <summary>No answer by the attempt's deadline.</summary>
    TimedOut = 4,

    /// <summary>The provider was offline or full when offered.</summary>
    Declined = 5,

    /// <summary>FedBuff: the round closed on its buffer without this result; it joins a later round when it arrives.</summary>
    Carried = 6,
}
