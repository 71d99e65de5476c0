using OrleansAI.Federation.SecureAggregation;

namespace OrleansAI.Federation.Tests.SecureAggregation;

public sealed class ShamirSharingTests
{
    [Fact]
    public void AnyThresholdOfSharesRecoversTheSecretOverManyRandomSplits()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var secret = new byte[random.Next(0, 65)];
            random.NextBytes(secret);
            var n = random.Next(1, 12);
            var t = random.Next(1, n + 1);

            var shares = ShamirSharing.Split(secret, n, t, random.NextBytes);

            // Several random subsets of size t, in random order, and all n.
            for (var trial = 0; trial < 5; trial++)
            {
                var subset = shares.OrderBy(_ => random.Next()).Take(t).ToArray();
                Assert.Equal(secret, ShamirSharing.Combine(subset));
            }

            Assert.Equal(secret, ShamirSharing.Combine(shares));
        }
    }

    [Fact]
    public void OneShareOfATwoOfNSplitIsUniformWhateverTheSecretSoItRevealsNothing()
    {
        // Exhaustively: for each secret byte and each point, the share's value over every possible
        // coefficient takes each of the 256 values exactly once.
        for (var secret = 0; secret < 256; secret++)
        {
            for (var x = 1; x <= 5; x++)
            {
                var seen = new bool[256];
                for (var coefficient = 0; coefficient < 256; coefficient++)
                {
                    var c = (byte)coefficient;
                    var share = ShamirSharing.Split([(byte)secret], 5, 2, buffer => buffer.Fill(c))[x - 1];
                    Assert.False(seen[share.Y[0]], $"secret {secret}, point {x}: value {share.Y[0]} twice");
                    seen[share.Y[0]] = true;
                }
            }
        }
    }

    [Fact]
    public void FewerSharesThanTheThresholdDoNotGiveTheSecretBack()
    {
        var random = new Random(3);
        var misses = 0;
        for (var trial = 0; trial < 100; trial++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            var shares = ShamirSharing.Split(secret, 5, 3, random.NextBytes);
            misses += ShamirSharing.Combine(shares.Take(2).ToArray()).SequenceEqual(secret) ? 0 : 1;
        }

        Assert.Equal(100, misses);
    }

    [Fact]
    public void TheFieldsMultiplicationMatchesTheAesReferenceProducts()
    {
        // FIPS-197 §4.2: {57} • {83} = {c1}, {57} • {13} = {fe}.
        Assert.Equal(0xc1, Multiply(0x57, 0x83));
        Assert.Equal(0xfe, Multiply(0x57, 0x13));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(256, 2)]
    [InlineData(5, 0)]
    [InlineData(5, 6)]
    public void ImpossibleSplitsAreRefused(int shares, int threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShamirSharing.Split([1, 2, 3], shares, threshold, _ => { }));
    }

    [Fact]
    public void SharesWithARepeatedPointOrDifferentLengthsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ShamirSharing.Combine([new ShamirShare(1, [1]), new ShamirShare(1, [2])]));
        Assert.Throws<ArgumentException>(() => ShamirSharing.Combine([new ShamirShare(1, [1]), new ShamirShare(2, [2, 3])]));
        Assert.Throws<ArgumentException>(() => ShamirSharing.Combine([new ShamirShare(0, [1])]));
    }

    // a·b through the sharing itself: a 2-of-2 split of 0 with coefficient a puts a·x at point x.
    private static byte Multiply(byte a, byte b)
    {
        var shares = ShamirSharing.Split([0], 255, 2, buffer => buffer.Fill(a));
        return shares[b - 1].Y[0];
    }
}
