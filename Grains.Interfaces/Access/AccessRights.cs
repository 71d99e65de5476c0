namespace OrleansAI.Grains.Interfaces.Access;

/// <summary>
/// What a client may do with another client's dataset or model version. Ordered: each right holds
/// the ones below it, so a check is one comparison.
/// </summary>
public enum AccessRights
{
    /// <summary>Nothing: the resource does not exist for the caller.</summary>
    None = 0,

    /// <summary>See it: a dataset's description, a model version's metrics, provenance and deployment state.</summary>
    Read = 1,

    /// <summary>Read, and use it: train a data-parallel job on the dataset, call the model version for inference.</summary>
    Use = 2,

    /// <summary>The owner: everything, including granting, revoking, deploying and undeploying.</summary>
    Owner = 3,
}
