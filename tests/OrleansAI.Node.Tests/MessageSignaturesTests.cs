using Nethereum.Signer;

namespace OrleansAI.Node.Tests;

public sealed class MessageSignaturesTests
{
    [Fact]
    public void SigningGivesNethereumsReferenceSignatureForRandomKeysAndMessages()
    {
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var key = EthECKey.GenerateKey();
            var message = ResultMessage.Format(31337, Guid.NewGuid().ToString("N"), Convert.ToHexStringLower(random.GetItems<byte>([.. Enumerable.Range(0, 256).Select(b => (byte)b)], 32)), random.Next(1, 1_000_000), random.Next(1, 10_000), i % 2 == 0 ? "" : "cpu/1");

            var signature = MessageSignatures.Sign(message, key);
            // The reference: Nethereum's default (BouncyCastle) signing path, which ours must equal bit for bit.
            var reference = new EthereumMessageSigner().EncodeUTF8AndSign(message, key);

            Assert.Equal(reference, signature);
            Assert.Equal(MessageSignatures.AddressOf(key), MessageSignatures.RecoverSigner(message, signature));
        }
    }

    [Fact]
    public void KeysWithLeadingZeroBytesSignLikeAnyOther()
    {
        var random = new Random(11);
        foreach (var zeros in new[] { 1, 2 })
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            secret.AsSpan(0, zeros).Clear();
            var key = new EthECKey(secret, true);
            Assert.True(key.GetPrivateKeyAsBytes().Length < 32);

            var signature = MessageSignatures.Sign("login nonce 42", key);

            Assert.Equal(new EthereumMessageSigner().EncodeUTF8AndSign("login nonce 42", key), signature);
            Assert.Equal(MessageSignatures.AddressOf(key), MessageSignatures.RecoverSigner("login nonce 42", signature));
        }
    }

    [Fact]
    public void AnAlteredMessageOrSignatureDoesNotRecoverTheSigner()
    {
        var key = EthECKey.GenerateKey();
        var signature = MessageSignatures.Sign("task 1 result aaaa", key);
        var flipped = signature[..10] + (signature[10] == '0' ? '1' : '0') + signature[11..];

        Assert.NotEqual(MessageSignatures.AddressOf(key), MessageSignatures.RecoverSigner("task 1 result aaab", signature));
        Assert.NotEqual(MessageSignatures.AddressOf(key), MessageSignatures.RecoverSigner("task 1 result aaaa", flipped));
        Assert.Null(MessageSignatures.RecoverSigner("task 1 result aaaa", signature[..^2]));
        Assert.Null(MessageSignatures.RecoverSigner("task 1 result aaaa", "0x" + new string('z', 130)));
        Assert.Null(MessageSignatures.RecoverSigner("task 1 result aaaa", null));
    }
}
