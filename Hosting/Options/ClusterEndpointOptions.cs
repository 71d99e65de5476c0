using System.ComponentModel.DataAnnotations;

namespace OrleansAI.Hosting.Options;

/// <summary>Identity and endpoints of this silo in the cluster.</summary>
public sealed class ClusterEndpointOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Cluster";

    /// <summary>Deployment id; silos and clients with the same id form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ClusterId { get; set; } = "orleansai-local";

    /// <summary>Service id; grain state and reminders are keyed by it, so it must stay stable across deployments.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ServiceId { get; set; } = "orleansai";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The <see cref="AdvertisedAddress"/> that stands for this machine's own host name.</summary>
    public const string OwnHostName = "host";

    /// <summary>Address other silos and clients use to reach this one: an IP, a host name, or <c>host</c> for this machine's own name.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>TLS between the cluster's members (<c>Cluster:Tls:CertificatePath</c>, <c>:KeyPath</c>, <c>:CaPath</c>); required in cluster mode unless <c>Tls:AllowPlaintext</c>.</summary>
    public Security.Tls.ClusterTlsOptions Tls { get; set; } = new();
}
