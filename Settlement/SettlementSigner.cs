using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;
using Nethereum.RPC.TransactionReceipts;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace OrleansAI.Settlement;

/// <summary>
/// One signing account on one chain, and the single path every transaction of this library takes.
/// </summary>
/// <remarks>
/// <para>
/// Each transaction is simulated first (<c>eth_estimateGas</c>), so a call the contract would reject
/// fails before it costs gas, with the custom error decoded. It is then sent with the estimate plus
/// headroom, and its receipt is checked: a mined transaction with <c>status = 0</c> (which Nethereum
/// reports as success; shared/STACK.md gotcha 12) is replayed with <c>eth_call</c> at its block to
/// recover the revert reason, and surfaces as a <see cref="SettlementException"/> carrying the hash.
/// </para>
/// <para>
/// Nonces come from one <see cref="InMemoryNonceService"/> per signer, which hands them out under a
/// lock, so concurrent sends from one signer (a payout batch) get distinct nonces instead of
/// colliding. Create one signer per key and share it. If something else sends with the same key
/// (another process, an operator's wallet), the node rejects the reused nonce and the transaction
/// is re-signed with a fresh one; a send that fails any other way resets the nonce service so no
/// gap is left behind, and is rethrown, because the node may or may not have the transaction.
/// </para>
/// </remarks>
public sealed class SettlementSigner
{
    private const int MaxNonceAttempts = 5;

    private readonly Web3 _web3;
    private readonly InMemoryNonceService _nonces;
    private readonly SettlementSignerOptions _options;
    private readonly RevertDecoder _decoder;

    /// <summary>Creates a signer for <paramref name="privateKey"/> on the chain at <paramref name="rpcUrl"/>.</summary>
    public SettlementSigner(string rpcUrl, long chainId, string privateKey, SettlementSignerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpcUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        _options = options ?? new SettlementSignerOptions();
        _decoder = RevertDecoder.Default;
        var account = new Account(privateKey, new BigInteger(chainId));
        _web3 = new Web3(account, rpcUrl);
        _nonces = new InMemoryNonceService(account.Address, _web3.Client);
        account.NonceService = _nonces;
        _web3.TransactionManager.TransactionReceiptService = new TransactionReceiptPollingService(
            _web3.TransactionManager, (int)Math.Max(1, _options.ReceiptPollInterval.TotalMilliseconds));
        Address = account.Address;
        ChainId = chainId;
        RpcUrl = rpcUrl;
    }

    /// <summary>The signer's address (EIP-55 checksummed).</summary>
    public string Address { get; }

    /// <summary>The chain id transactions are signed for (EIP-155 replay protection).</summary>
    public long ChainId { get; }

    /// <summary>The JSON-RPC endpoint.</summary>
    public string RpcUrl { get; }

    /// <summary>The underlying Nethereum client, for reads this library does not wrap.</summary>
    public IWeb3 Web3 => _web3;

    /// <summary>
    /// Throws when the node serves another chain: transactions signed for the wrong chain id are
    /// rejected, but only after a confusing round trip.
    /// </summary>
    public async Task EnsureChainIdAsync(CancellationToken cancellationToken)
    {
        var reported = await _web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (reported.Value != ChainId)
        {
            throw new InvalidOperationException($"The node at {RpcUrl} serves chain {reported.Value}, expected {ChainId}.");
        }
    }

    /// <summary>Sends a function call and waits for a successful receipt.</summary>
    /// <exception cref="SettlementException">The call reverted, in simulation or once mined.</exception>
    /// <exception cref="TimeoutException">No receipt within <see cref="SettlementSignerOptions.ReceiptTimeout"/>.</exception>
    public Task<TransactionReceipt> SendAsync<TFunction>(string contractAddress, TFunction message, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractAddress);
        ArgumentNullException.ThrowIfNull(message);
        var function = ABITypedRegistry.GetFunctionABI<TFunction>().Name;
        var call = message.CreateCallInput(contractAddress);
        var transaction = message.CreateTransactionInput(contractAddress);
        return SendCoreAsync(call, transaction, contractAddress, function, cancellationToken);
    }

    /// <summary>Deploys a contract and waits for a successful receipt; its address is <c>receipt.ContractAddress</c>.</summary>
    /// <exception cref="SettlementException">The constructor reverted.</exception>
    public async Task<TransactionReceipt> DeployAsync<TDeployment>(TDeployment deployment, CancellationToken cancellationToken)
        where TDeployment : ContractDeploymentMessage, new()
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var name = typeof(TDeployment).Name.Replace("Deployment", string.Empty, StringComparison.Ordinal);
        var receipt = await SendCoreAsync(deployment.CreateCallInput(), deployment.CreateTransactionInput(), null, name + ".constructor", cancellationToken)
            .ConfigureAwait(false);
        if (string.IsNullOrEmpty(receipt.ContractAddress))
        {
            throw new SettlementException($"Deployment of {name} returned no contract address (tx {receipt.TransactionHash}).")
            {
                TransactionHash = receipt.TransactionHash,
                FunctionName = name + ".constructor",
            };
        }

        return receipt;
    }

    /// <summary>Calls a view function returning one value.</summary>
    /// <exception cref="SettlementException">The view reverted (e.g. <c>UnknownModel</c>).</exception>
    public async Task<TOutput> QueryAsync<TFunction, TOutput>(string contractAddress, TFunction message, BlockParameter? block = null)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            return await _web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOutput>(contractAddress, message, block).ConfigureAwait(false);
        }
        catch (Exception ex) when (RevertData.TryExtract(ex, out var data))
        {
            throw Reverted(ABITypedRegistry.GetFunctionABI<TFunction>().Name, contractAddress, _decoder.Decode(data), null, ex);
        }
    }

    /// <summary>Calls a view function returning several values or a struct, into an output DTO.</summary>
    /// <exception cref="SettlementException">The view reverted.</exception>
    public async Task<TOutput> QueryDtoAsync<TFunction, TOutput>(string contractAddress, TFunction message, BlockParameter? block = null)
        where TFunction : FunctionMessage, new()
        where TOutput : Nethereum.ABI.FunctionEncoding.Attributes.IFunctionOutputDTO, new()
    {
        try
        {
            return await _web3.Eth.GetContractQueryHandler<TFunction>()
                .QueryDeserializingToObjectAsync<TOutput>(message, contractAddress, block).ConfigureAwait(false);
        }
        catch (Exception ex) when (RevertData.TryExtract(ex, out var data))
        {
            throw Reverted(ABITypedRegistry.GetFunctionABI<TFunction>().Name, contractAddress, _decoder.Decode(data), null, ex);
        }
    }

    private async Task<TransactionReceipt> SendCoreAsync(
        CallInput call, TransactionInput transaction, string? contractAddress, string function, CancellationToken cancellationToken)
    {
        call.From = Address;
        transaction.From = Address;
        if (transaction.Gas is null)
        {
            HexBigInteger estimate;
            try
            {
                estimate = await _web3.Eth.Transactions.EstimateGas.SendRequestAsync(call).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (RevertData.TryExtract(ex, out var data))
            {
                throw Reverted(function, contractAddress, _decoder.Decode(data), null, ex);
            }

            var headroom = BigInteger.Max(estimate.Value * _options.GasHeadroomPercent / 100, _options.MinimumGasHeadroom);
            transaction.Gas = new HexBigInteger(estimate.Value + headroom);
        }

        call.Gas = transaction.Gas;
        var hash = await SignAndSendAsync(transaction, function, contractAddress, cancellationToken).ConfigureAwait(false);
        var receipt = await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        if (receipt.Status?.Value == BigInteger.One)
        {
            return receipt;
        }

        throw await DescribeMinedRevertAsync(call, receipt, contractAddress, function, cancellationToken).ConfigureAwait(false);
    }

    // Signs locally so the hash is known before the node answers: a lost answer to
    // eth_sendRawTransaction then still leaves a hash to look for, and "already known" (the node
    // has this exact transaction) counts as sent. A nonce the node rejects as used ("nonce too
    // low", "replacement transaction underpriced": another process sent with this key, or the
    // node dropped a transaction) means nothing was accepted, so it is safe to re-sign with a fresh
    // nonce. Any other failure resets the nonce service and is rethrown for the caller to judge,
    // because the node may or may not have the transaction.
    private async Task<string> SignAndSendAsync(
        TransactionInput transaction, string function, string? contractAddress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string signed;
            try
            {
                transaction.Nonce = null;
                signed = await _web3.TransactionManager.SignTransactionAsync(transaction).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // A nonce may have been taken for a transaction that will never be sent.
                await _nonces.ResetNonceAsync().ConfigureAwait(false);
                throw;
            }

            var hash = "0x" + Sha3Keccack.Current.CalculateHashFromHex(signed);
            _options.OnSigned?.Invoke(new SignedTransaction(Address, function, contractAddress, hash));
            try
            {
                await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed.EnsureHexPrefix())
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                return hash;
            }
            catch (RpcResponseException ex) when (RpcMessageContains(ex, "already known") || RpcMessageContains(ex, "already imported"))
            {
                // The node holds this very transaction (same signed bytes): it was sent.
                return hash;
            }
            catch (Exception ex)
            {
                await _nonces.ResetNonceAsync().ConfigureAwait(false);
                if (ex is RpcResponseException rpc && attempt < MaxNonceAttempts
                    && (RpcMessageContains(rpc, "nonce too low") || RpcMessageContains(rpc, "underpriced")))
                {
                    continue;
                }

                if (ex is not OperationCanceledException && RevertData.TryExtract(ex, out var data))
                {
                    throw Reverted(function, contractAddress, _decoder.Decode(data), null, ex);
                }

                throw;
            }
        }
    }

    private static bool RpcMessageContains(RpcResponseException exception, string text) =>
        exception.RpcError?.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false;

    private async Task<TransactionReceipt> WaitForReceiptAsync(string hash, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReceiptTimeout);
        try
        {
            return await _web3.TransactionManager.TransactionReceiptService.PollForReceiptAsync(hash, timeout.Token)
                .WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No receipt for transaction {hash} within {_options.ReceiptTimeout}; it may still be mined.");
        }
    }

    // The replay runs on the state after the transaction's block: that includes whatever earlier
    // transaction made it fail (the usual cause when the simulation before sending passed).
    private async Task<SettlementException> DescribeMinedRevertAsync(
        CallInput call, TransactionReceipt receipt, string? contractAddress, string function, CancellationToken cancellationToken)
    {
        DecodedRevert? revert = null;
        Exception? replayError = null;
        try
        {
            await _web3.Eth.Transactions.Call.SendRequestAsync(call, new BlockParameter(receipt.BlockNumber))
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            replayError = ex;
            if (RevertData.TryExtract(ex, out var data))
            {
                revert = _decoder.Decode(data);
            }
        }

        var outOfGas = revert is null && receipt.GasUsed is not null && call.Gas is not null && receipt.GasUsed.Value >= call.Gas.Value;
        return Reverted(function, contractAddress, revert, receipt, replayError, outOfGas ? "OutOfGas" : null);
    }

    private static SettlementException Reverted(
        string function, string? contractAddress, DecodedRevert? revert, TransactionReceipt? receipt, Exception? inner, string? fallbackName = null)
    {
        var where = contractAddress is null ? function : $"{function} on {contractAddress}";
        var why = revert?.ToString() ?? (fallbackName == "OutOfGas" ? "out of gas" : "no revert reason available");
        var message = receipt is null
            ? $"{where} would revert: {why} (found by simulation; nothing was sent)."
            : $"{where} reverted: {why} (mined in tx {receipt.TransactionHash}, block {receipt.BlockNumber?.Value}).";
        return new SettlementException(message, inner, revert)
        {
            TransactionHash = receipt?.TransactionHash,
            ContractAddress = contractAddress,
            FunctionName = function,
            ErrorName = revert?.Name ?? fallbackName,
        };
    }
}
