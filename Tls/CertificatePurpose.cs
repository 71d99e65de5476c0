namespace OrleansAI.Tls;

/// <summary>What a presented certificate must be good for (its extended key usage).</summary>
public enum CertificatePurpose
{
    /// <summary>A server the caller connects to (serverAuth).</summary>
    Server,

    /// <summary>A peer that connected to us with a client certificate (clientAuth): a cluster member.</summary>
    Client,

    /// <summary>A member of the cluster, which is both ends of its connections (serverAuth and clientAuth).</summary>
    ClusterMember,
}
