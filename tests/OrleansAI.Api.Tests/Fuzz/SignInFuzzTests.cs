using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nethereum.Signer;
using OrleansAI.Protocol;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// Sign-in material comes from providers: a damaged or random signature never throws and never passes
/// for the signer's over another text, and a damaged or random session token is refused, never thrown on.
/// </summary>
public sealed class SignInFuzzTests
{
    [Fact]
    public void DamagedSignaturesAndTextsRecoverNothingOrAnotherAddressNeverThrowing()
    {
        var random = new Random(16_80_01);
        var key = new EthECKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), true);
        var signer = MessageSignatures.AddressOf(key);
        var issued = DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var message = LoginMessage.Format("localhost", 31337, signer, "00112233445566778899aabbccddeeff", issued, issued.AddMinutes(5), new string('a', 64));
        var signature = MessageSignatures.Sign(message, key);
        Assert.Equal(signer, MessageSignatures.RecoverSigner(message, signature));
        var recovered = 0;
        for (var i = 0; i < 600; i++)
        {
            var text = message;
            var claimed = signature;
            switch (i % 4)
            {
                case 0:
                    claimed = Encoding.Latin1.GetString(Mutator.Mutate(Encoding.Latin1.GetBytes(signature), random));
                    break;
                case 1:
                    claimed = Mutator.RandomString(random, 140);
                    break;
                case 2:
                    // A well-formed signature of random bytes: any point, any recovery byte.
                    claimed = "0x" + Convert.ToHexStringLower(Enumerable.Range(0, 65).Select(_ => (byte)random.Next(256)).ToArray());
                    break;
                default:
                    text = Encoding.UTF8.GetString(Mutator.MutateText(message, random));
                    break;
            }

            var address = MessageSignatures.RecoverSigner(text, claimed);

            Assert.True(address is null || ProviderAddress.Normalize(address) == address, $"case {i}: '{address}' is not a canonical address");
            if (address == signer)
            {
                // Only the genuine signature of the genuine text (hex in any case) names the signer.
                Assert.Equal(message, text);
                Assert.Equal(signature, claimed, ignoreCase: true);
            }

            recovered += address is null ? 0 : 1;
        }

        // Random 65-byte signatures and damaged texts usually recover some address: the recovery itself ran.
        Assert.InRange(recovered, 50, 599);
    }

    [Fact]
    public void DamagedAndRandomSessionTokensAreRefusedNeverThrown()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var tokens = new SessionTokens(Options.Create(new GatewayOptions { SessionKey = Convert.ToBase64String(new byte[32]) }), clock);
        const string address = "0x00000000000000000000000000000000000000aa";
        var (token, _) = tokens.Issue(address, new byte[32]);
        var random = new Random(16_80_02);
        for (var i = 0; i < 5_000; i++)
        {
            var claimed = i % 3 == 0 ? Mutator.RandomString(random, 120) : Encoding.Latin1.GetString(Mutator.Mutate(Encoding.Latin1.GetBytes(token), random));

            var read = tokens.Read(claimed);

            // Base64 ignores some low bits of a last character: such a token still decodes to the same bytes.
            Assert.True(read is null || read.Value.Address == address, $"case {i}: '{claimed}' read as {read}");
        }
    }
}
