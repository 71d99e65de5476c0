using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace OrleansAI.Api.Tests;

public sealed class SessionTokenTests
{
    private const string Address = "0x00000000000000000000000000000000000000aa";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void ATokenNamesItsProviderUntilItExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var tokens = Tokens(clock);
        var (token, expires) = tokens.Issue(Address.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        Assert.Equal(Address, tokens.Validate(token));
        clock.Advance(expires - clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Equal(Address, tokens.Validate(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Validate(token));
    }

    [Fact]
    public void AnAlteredTokenOrOneFromAnotherKeyIsRefused()
    {
        var clock = new FakeTimeProvider();
        var (token, _) = Tokens(clock).Issue(Address);
        var other = new SessionTokens(Options.Create(new GatewayOptions { SessionKey = Convert.ToBase64String(new byte[32]) }), clock);
        var payload = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var flipped = (payload[5] == 'A' ? 'B' : 'A') + "";

        Assert.Null(other.Validate(token));
        Assert.Null(Tokens(clock).Validate(payload[..5] + flipped + token[6..]));
        Assert.Null(Tokens(clock).Validate(payload));
        Assert.Null(Tokens(clock).Validate("."));
        Assert.Null(Tokens(clock).Validate(new string('a', 500)));
    }

    private static SessionTokens Tokens(TimeProvider clock) => new(Options.Create(new GatewayOptions { SessionKey = Key }), clock);
}
