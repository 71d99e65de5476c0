using System.Collections.Concurrent;
using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3.Accounts;

namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// The Anvil chain the integration tests run on (OAI_ANVIL_URL, default http://127.0.0.1:8545,
/// started by infra/local/stack.sh with the standard test mnemonic).
/// </summary>
/// <remarks>
/// One <see cref="SettlementSigner"/> per account for the whole test run: test classes run in
/// parallel and share accounts (each on its own deployment), and a signer's nonce service is what
/// keeps their concurrent transactions from colliding.
/// </remarks>
internal static class TestChain
{
    public const long ChainId = 31337;

    public static readonly BigInteger Oai = BigInteger.Pow(10, 18);

    // Anvil's first accounts for 'test test test test test test test test test test test junk'
    // (as printed in .oai/logs/anvil.log); checked against eth_accounts before use.
    private static readonly string[] Keys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
    ];

    private static readonly ConcurrentDictionary<int, SettlementSigner> Signers = new();
    private static readonly Lazy<Task> Checked = new(CheckAsync);

    public static string Url => Environment.GetEnvironmentVariable("OAI_ANVIL_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:8545";

    public static int AccountCount => Keys.Length;

    public static string AddressOf(int index) => new Account(Keys[index], ChainId).Address;

    public static SettlementSigner Signer(int index) => Signers.GetOrAdd(index, i => new SettlementSigner(Url, ChainId, Keys[i]));

    /// <summary>Fails with a clear message when Anvil is down or runs another mnemonic.</summary>
    public static Task EnsureReadyAsync() => Checked.Value;

    public static async Task<DateTimeOffset> LatestTimestampAsync()
    {
        var block = await Signer(0).Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>Moves the chain clock forward and mines a block (Anvil's evm_increaseTime + evm_mine).</summary>
    /// <remarks>The clock is shared by every test class; tests only ever move it forward by hours, far less than their deadlines.</remarks>
    public static async Task IncreaseTimeAsync(TimeSpan span)
    {
        var client = Signer(0).Web3.Client;
        await client.SendRequestAsync<object>("evm_increaseTime", null, (long)Math.Ceiling(span.TotalSeconds));
        await client.SendRequestAsync<object>("evm_mine", null);
    }

    /// <summary>Moves the chain clock to just past <paramref name="unixTime"/> (no-op if already past).</summary>
    public static async Task AdvancePastAsync(BigInteger unixTime)
    {
        var now = (await LatestTimestampAsync()).ToUnixTimeSeconds();
        if (now <= unixTime)
        {
            await IncreaseTimeAsync(TimeSpan.FromSeconds((double)(unixTime - now + 1)));
        }
    }

    private static async Task CheckAsync()
    {
        string[] accounts;
        try
        {
            accounts = await Signer(0).Web3.Eth.Accounts.SendRequestAsync();
            await Signer(0).EnsureChainIdAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new InvalidOperationException($"Anvil is not reachable at {Url} (start it with: infra/local/stack.sh start anvil).", ex);
        }

        for (var i = 0; i < Keys.Length; i++)
        {
            if (i >= accounts.Length || !string.Equals(accounts[i], AddressOf(i), StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Anvil at {Url} does not run the standard test mnemonic: account {i} is not {AddressOf(i)}.");
            }
        }
    }
}
