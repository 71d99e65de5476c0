namespace OrleansAI.Sdk.Jobs;

/// <summary>A job's differential privacy, as submitted (<c>privacy</c> in <c>POST /api/jobs</c>).</summary>
public sealed class PrivacyRequest
{
    /// <summary><c>client</c>: each provider's whole contribution is protected (DP-FedAvg at the aggregator). <c>example</c> (DP-SGD on the nodes) is not available yet.</summary>
    public string Level { get; init; } = "client";

    /// <summary>The ε budget for the whole job, (0, 100].</summary>
    public double Epsilon { get; init; }

    /// <summary>δ, (0, 0.01]; at most the inverse of the provider population is the usual choice.</summary>
    public double Delta { get; init; } = 1e-5;

    /// <summary>C: the bound on one provider's update norm, (0, 1000] (the starting bound with adaptive clipping).</summary>
    public double Clip { get; init; } = 1.0;

    /// <summary>Whether the bound follows the median update norm, estimated privately.</summary>
    public bool AdaptiveClipping { get; init; }
}
