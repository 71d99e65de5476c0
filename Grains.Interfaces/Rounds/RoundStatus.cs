namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>Round lifecycle: NotStarted → Collecting → Closed or Failed.</summary>
[GenerateSerializer, Alias("OrleansAI.RoundStatus")]
public enum RoundStatus
{
    /// <summary>No config yet.</summary>
    NotStarted = 0,

    /// <summary>Tasks are out; results are being collected.</summary>
    Collecting = 1,

    /// <summary>Aggregated (or decided to keep the model); final.</summary>
    Closed = 2,

    /// <summary>No quorum after every attempt; final.</summary>
    Failed = 3,
}
