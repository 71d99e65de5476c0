namespace OrleansAI.Grains.Interfaces.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    /// <summary>A dataset file was uploaded.</summary>
    public const string DatasetUpload = "dataset.upload";

    /// <summary>A dataset's description was read.</summary>
    public const string DatasetRead = "dataset.read";

    /// <summary>A job was submitted to train on a dataset.</summary>
    public const string DatasetUse = "dataset.use";

    /// <summary>The platform read a dataset's content to split it for a job.</summary>
    public const string DatasetTrain = "dataset.train";

    /// <summary>A model version (metrics, provenance) was read.</summary>
    public const string ModelRead = "model.read";

    /// <summary>A model version's deployment was read.</summary>
    public const string DeploymentRead = "deployment.read";

    /// <summary>A model version was deployed or its serving changed.</summary>
    public const string ModelDeploy = "model.deploy";

    /// <summary>A model version was taken down.</summary>
    public const string ModelUndeploy = "model.undeploy";

    /// <summary>A model version was called for inference (counted per caller, source and window).</summary>
    public const string ModelInfer = "model.infer";

    /// <summary>The platform read a model version's weights (to export or serve it).</summary>
    public const string WeightsRead = "weights.read";

    /// <summary>The platform read a provider's training result to aggregate or check it.</summary>
    public const string ResultRead = "result.read";

    /// <summary>A right was given or changed.</summary>
    public const string GrantGive = "grant.give";

    /// <summary>A right was taken away.</summary>
    public const string GrantRevoke = "grant.revoke";

    /// <summary>A silo signed a chain transaction with one of the platform's keys.</summary>
    public const string KeySign = "key.sign";

    /// <summary>An API key was presented and refused.</summary>
    public const string KeyRefused = "key.refused";
}
