namespace OrleansAI.Settlement;

/// <summary>
/// A contract call or transaction reverted: either found before sending (gas estimation simulates
/// the call) or mined with <c>status = 0</c>.
/// </summary>
/// <remarks>
/// Nethereum does not throw for a mined transaction that reverted (it returns a receipt with
/// status 0; shared/STACK.md, gotcha 12), so every transaction of this library goes through
/// <see cref="SettlementSigner"/>, which turns both cases into this exception. It is never thrown
/// for transport failures, which callers may retry; a revert is a decision of the contract and
/// retrying the same call gives the same answer until the chain's state changes.
/// </remarks>
public sealed class SettlementException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SettlementException()
        : base("A settlement transaction reverted.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SettlementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying RPC exception.</summary>
    public SettlementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    // Used by the transaction path, where there may be no inner exception (a mined revert whose
    // replay did not revert gives no RPC error to chain).
    internal SettlementException(string message, Exception? innerException, DecodedRevert? revert)
        : base(message, innerException)
    {
        Revert = revert;
        ErrorName = revert?.Name;
    }

    /// <summary>The hash of the mined transaction; null when the revert was found before sending.</summary>
    public string? TransactionHash { get; init; }

    /// <summary>The contract called (null for a deployment).</summary>
    public string? ContractAddress { get; init; }

    /// <summary>The function (or <c>constructor</c> of a contract) that reverted.</summary>
    public string? FunctionName { get; init; }

    /// <summary>The decoded revert, when the node gave revert data (by estimation or by replay).</summary>
    public DecodedRevert? Revert { get; init; }

    /// <summary>
    /// The custom error's name, e.g. <c>TaskAlreadyPaid</c> or <c>AccessControlUnauthorizedAccount</c>;
    /// <c>Error</c>/<c>Panic</c> for the built-in ones; <c>OutOfGas</c> when a mined transaction used
    /// its whole gas limit; null when unknown.
    /// </summary>
    public string? ErrorName { get; init; }

    /// <summary>True when the transaction was mined (and paid gas) before it reverted.</summary>
    public bool WasMined => TransactionHash is not null;
}
