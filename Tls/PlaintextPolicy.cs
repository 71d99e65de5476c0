namespace OrleansAI.Tls;

/// <summary>
/// Plaintext is a development switch, never a default: an <c>http://</c> address is refused unless
/// the caller's switch says otherwise, with an error that names the switch.
/// </summary>
public static class PlaintextPolicy
{
    /// <summary>
    /// Returns when <paramref name="address"/> is https, or http with <paramref name="allowPlaintext"/>;
    /// throws <see cref="ArgumentException"/> naming <paramref name="switchName"/> otherwise.
    /// </summary>
    public static void Require(Uri address, bool allowPlaintext, string switchName)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(switchName);
        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && allowPlaintext))
        {
            return;
        }

        throw new ArgumentException(address.Scheme == Uri.UriSchemeHttp
            ? $"{address} is plaintext http; use https (pin the server's CA), or allow plaintext explicitly with {switchName} (development only)."
            : $"{address} is neither https nor http.");
    }
}
