using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// The Anvil chain the integration tests run on (OAI_ANVIL_URL, default http://127.0.0.1:8545;
/// infra/local/stack.sh starts it with the standard test mnemonic, chain id 31337).
/// </summary>
/// <remarks>
/// Every fixture signs with fresh random keys funded through <c>anvil_setBalance</c>, not with the
/// mnemonic's accounts: other test assemblies may run against the same Anvil at the same time, and
/// two processes sending from one key would race for its nonces.
/// </remarks>
internal static class TestChain
{
    public const long ChainId = 31337;

    /// <summary>Anvil's account 0 for the standard mnemonic: the deploy tool's default key on chain 31337.</summary>
    public const string AnvilAccount0Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static readonly BigInteger Oai = BigInteger.Pow(10, 18);

    private static readonly Lazy<Task> Checked = new(CheckAsync);

    public static string Url => Environment.GetEnvironmentVariable("OAI_ANVIL_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:8545";

    /// <summary>A read-only client for chain-wide calls (time travel, receipts).</summary>
    public static IWeb3 Web3 { get; } = new Web3(Url);

    /// <summary>Fails with a clear message when Anvil is down, serves another chain, or runs another mnemonic.</summary>
    public static Task EnsureReadyAsync() => Checked.Value;

    /// <summary>A signer for a fresh key holding 1,000 ETH for gas.</summary>
    public static async Task<SettlementSigner> NewFundedSignerAsync() => new(Url, ChainId, await NewFundedKeyAsync());

    /// <summary>A fresh private key whose account holds 1,000 ETH for gas.</summary>
    public static async Task<string> NewFundedKeyAsync()
    {
        await EnsureReadyAsync();
        var key = EthECKey.GenerateKey().GetPrivateKey();
        await Web3.Client.SendRequestAsync<object>("anvil_setBalance", null, new Account(key, ChainId).Address, "0x3635c9adc5dea00000");
        return key;
    }

    /// <summary>A fresh address that holds nothing.</summary>
    public static string NewAddress() => new Account(EthECKey.GenerateKey().GetPrivateKey(), ChainId).Address;

    public static async Task<DateTimeOffset> LatestTimestampAsync()
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>Moves the chain clock forward and mines a block (Anvil's evm_increaseTime + evm_mine).</summary>
    /// <remarks>The clock is shared by every test class; tests only ever move it forward by hours, far less than their deadlines.</remarks>
    public static async Task IncreaseTimeAsync(TimeSpan span)
    {
        await Web3.Client.SendRequestAsync<object>("evm_increaseTime", null, (long)Math.Ceiling(span.TotalSeconds));
        await Web3.Client.SendRequestAsync<object>("evm_mine", null);
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
        BigInteger chainId;
        try
        {
            accounts = await Web3.Eth.Accounts.SendRequestAsync();
            chainId = (await Web3.Eth.ChainId.SendRequestAsync()).Value;
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Anvil is not reachable at {Url} (start it with: infra/local/stack.sh start anvil).", ex);
        }

        if (chainId != ChainId)
        {
            throw new InvalidOperationException($"The node at {Url} serves chain {chainId}, not Anvil's {ChainId}.");
        }

        var expected = new Account(AnvilAccount0Key, ChainId).Address;
        if (accounts.Length == 0 || !string.Equals(accounts[0], expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Anvil at {Url} does not run the standard test mnemonic: account 0 is not {expected}.");
        }
    }
}
