namespace OrleansAI.Sdk.Jobs;

/// <summary>Where a training job stands.</summary>
public enum JobStatus
{
    /// <summary>Accepted; waiting for providers or for its escrow.</summary>
    Pending,

    /// <summary>Rounds are running.</summary>
    Running,

    /// <summary>Trained and registered as a model version.</summary>
    Completed,

    /// <summary>Stopped by an error; the status reason says which.</summary>
    Failed,

    /// <summary>Cancelled by its owner.</summary>
    Cancelled,

    /// <summary>Trained; the providers are being paid from the escrow, then the model is registered and the job completes.</summary>
    Settling,
}
