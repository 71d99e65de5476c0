using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// Bounds sign-in traffic: per network peer (challenges and logins together, a token bucket) and per
/// provider address (logins). Over the limit a call fails with <c>ResourceExhausted</c> and a
/// <c>retry-after</c> trailer in seconds, the gRPC counterpart of HTTP 429 with Retry-After.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _peers;
    private readonly PartitionedRateLimiter<string> _addresses;

    /// <summary>Creates the limiters from the gateway options.</summary>
    public SignInLimits(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _peers = PartitionedRateLimiter.Create<string, string>(peer => RateLimitPartition.GetTokenBucketLimiter(peer, _ => Bucket(o.PeerSignInBurst, o.PeerSignInsPerSecond, TimeSpan.FromSeconds(1))));
        _addresses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(o.AddressLoginsPerMinute, o.AddressLoginsPerMinute, TimeSpan.FromMinutes(1))));
    }

    /// <summary>Admits one challenge request from <paramref name="peer"/>, or throws.</summary>
    public void AdmitChallenge(string peer) => Admit(_peers, peer, "sign-in requests from this address");

    /// <summary>Admits one login for <paramref name="address"/> from <paramref name="peer"/>, or throws.</summary>
    public void AdmitLogin(string peer, string address)
    {
        Admit(_peers, peer, "sign-in requests from this address");
        Admit(_addresses, address, "logins for this provider");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _peers.Dispose();
        _addresses.Dispose();
    }

    private static void Admit(PartitionedRateLimiter<string> limiter, string key, string what)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return;
        }

        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        throw new RpcException(
            new Status(StatusCode.ResourceExhausted, $"too many {what}; retry after {retry} s"),
            new Metadata { { "retry-after", retry.ToString(CultureInfo.InvariantCulture) } });
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = Math.Max(1, perPeriod),
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
