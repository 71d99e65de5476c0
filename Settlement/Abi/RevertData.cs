using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;

namespace OrleansAI.Settlement.Abi;

/// <summary>
/// Recognises an EVM revert among the exceptions Nethereum and the JSON-RPC client throw, and pulls
/// out the revert data.
/// </summary>
/// <remarks>
/// Depending on the call path Nethereum reports a revert as <see cref="SmartContractCustomErrorRevertException"/>,
/// <see cref="SmartContractRevertException"/> or a bare <see cref="RpcResponseException"/> whose
/// error data holds the hex (Anvil and geth answer a reverting <c>eth_call</c>/<c>eth_estimateGas</c>
/// with JSON-RPC error code 3, "execution reverted", and the data). Everything else — connection
/// failures, timeouts, nonce errors — is not a revert and must stay retryable.
/// </remarks>
internal static class RevertData
{
    private const int ExecutionRevertedCode = 3;

    /// <summary>True when <paramref name="exception"/> (or an inner one) is a revert; <paramref name="data"/> is its data (or "0x").</summary>
    public static bool TryExtract(Exception exception, out string data)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SmartContractCustomErrorRevertException custom:
                    data = Normalise(custom.ExceptionEncodedData);
                    return true;
                case SmartContractRevertException revert:
                    data = Normalise(revert.EncodedData);
                    return true;
                case RpcResponseException rpc when IsRevert(rpc.RpcError):
                    data = Normalise(DataOf(rpc.RpcError));
                    return true;
            }
        }

        data = "0x";
        return false;
    }

    private static bool IsRevert(Nethereum.JsonRpc.Client.RpcError? error) =>
        error is not null
        && (error.Code == ExecutionRevertedCode
            || (error.Message?.Contains("revert", StringComparison.OrdinalIgnoreCase) ?? false));

    private static string? DataOf(Nethereum.JsonRpc.Client.RpcError error)
    {
        var text = error.Data?.ToString()?.Trim().Trim('"');
        return text is not null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : null;
    }

    private static string Normalise(string? data) =>
        string.IsNullOrEmpty(data) ? "0x" : data.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? data : "0x" + data;
}
