using System.ComponentModel.DataAnnotations;

namespace OrleansAI.Api.Gateway;

/// <summary>The provider gateway's settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>The domain named in sign-in messages; a signature for another domain is refused.</summary>
    [Required, MaxLength(253)]
    public string Domain { get; set; } = "localhost";

    /// <summary>
    /// Base64 key (32+ bytes) that signs session tokens. Set it when several Api instances serve
    /// providers; without it each instance makes up its own and tokens only work where they were issued.
    /// </summary>
    public string? SessionKey { get; set; }

    /// <summary>How long a session token lets a provider open its stream.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in challenge can be answered.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time a node has to send its registration after opening the stream.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With a chain deployment configured, whether a provider must hold the Staking contract's minimum
    /// stake to connect (a private network may run without staking).
    /// </summary>
    public bool RequireStake { get; set; } = true;

    /// <summary>
    /// Sign-in calls (challenges and logins) one network peer may make per second, sustained. A host
    /// running a fleet of nodes signs them all in from one address, hence the burst.
    /// </summary>
    [Range(1, 100_000)]
    public int PeerSignInsPerSecond { get; set; } = 20;

    /// <summary>Sign-in calls one peer may make at once before <see cref="PeerSignInsPerSecond"/> applies.</summary>
    [Range(1, 1_000_000)]
    public int PeerSignInBurst { get; set; } = 400;

    /// <summary>Logins one provider address may make per minute (an honest node logs in once per session).</summary>
    [Range(1, 10_000)]
    public int AddressLoginsPerMinute { get; set; } = 20;
}
