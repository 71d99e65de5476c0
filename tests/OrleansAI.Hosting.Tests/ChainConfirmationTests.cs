using OrleansAI.Hosting.Options;

namespace OrleansAI.Hosting.Tests;

public sealed class ChainConfirmationTests
{
    [Fact]
    public void APublicChainIsMirroredOnlyOnceItsBlocksAreBuriedUnlessConfiguredOtherwise()
    {
        Assert.Equal(12UL, new ChainOptions { ChainId = 1 }.EffectiveConfirmations);
        Assert.Equal(0UL, new ChainOptions { ChainId = ChainOptions.DevelopmentChainId }.EffectiveConfirmations);
        Assert.Equal(3UL, new ChainOptions { ChainId = 1, Confirmations = 3 }.EffectiveConfirmations);
    }
}
