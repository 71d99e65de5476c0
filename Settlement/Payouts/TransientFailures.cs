using System.Net.Sockets;
using Nethereum.JsonRpc.Client;

namespace OrleansAI.Settlement.Payouts;

/// <summary>Which failures are worth retrying: transport trouble, not contract decisions.</summary>
public static class TransientFailures
{
    /// <summary>
    /// True for connection failures, timeouts (including a receipt that did not arrive in time) and
    /// node errors about nonces or pool replacement, which a retry with a fresh nonce resolves;
    /// false for reverts (<see cref="SettlementException"/>), cancellation and programming errors.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SettlementException or OperationCanceledException or ArgumentException => false,
        HttpRequestException or TimeoutException or IOException or SocketException => true,
        RpcClientTimeoutException or RpcClientUnknownException => true,
        RpcResponseException rpc => rpc.RpcError?.Message is { } message
            && (message.Contains("nonce", StringComparison.OrdinalIgnoreCase)
                || message.Contains("underpriced", StringComparison.OrdinalIgnoreCase)
                || message.Contains("already known", StringComparison.OrdinalIgnoreCase)),
        AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is not null && IsTransient(exception.InnerException),
    };
}
