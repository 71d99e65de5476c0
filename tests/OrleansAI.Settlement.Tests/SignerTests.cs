namespace OrleansAI.Settlement.Tests;

public sealed class SignerTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TwoProcessesSendingWithOneKeyRecoverFromNonceCollisions()
    {
        // Two signers for one key stand for two processes: their nonce services know nothing of each
        // other, so they pick the same nonces; the node's rejection makes each re-sign with a fresh one.
        var key = await TestChain.NewFundedKeyAsync();
        var first = new SettlementSigner(TestChain.Url, TestChain.ChainId, key);
        var second = new SettlementSigner(TestChain.Url, TestChain.ChainId, key);
        var token = platform.Deployment.Contracts.Token;
        await platform.Admin.Token.TransferRequestAndWaitForReceiptAsync(first.Address, 100 * TestChain.Oai, None);
        var recipient = TestChain.NewAddress();

        // Different amounts, so the two never sign byte-identical transactions (which the node would
        // rightly take as one).
        async Task SendFourAsync(SettlementSigner signer, int wei)
        {
            var service = new TokenService(signer, token);
            for (var i = 0; i < 4; i++)
            {
                await service.TransferRequestAndWaitForReceiptAsync(recipient, wei, None);
            }
        }

        await Task.WhenAll(SendFourAsync(first, 1), SendFourAsync(second, 10));

        Assert.Equal(44, await platform.Admin.Token.BalanceOfQueryAsync(recipient));
        Assert.Equal(8, (int)(await TestChain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(first.Address)).Value);
    }

    [Fact]
    public async Task SignerRefusesANodeOfAnotherChain()
    {
        var signer = new SettlementSigner(TestChain.Url, chainId: 1, await TestChain.NewFundedKeyAsync());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => signer.EnsureChainIdAsync(None));

        Assert.Contains("serves chain 31337, expected 1", error.Message, StringComparison.Ordinal);
    }
}
