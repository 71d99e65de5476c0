using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>OpenZeppelin AccessControl <c>renounceRole</c>: the caller gives up its own role.</summary>
[Function("renounceRole")]
public sealed class RenounceRoleFunction : FunctionMessage
{
    /// <summary>Role id.</summary>
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    /// <summary>Must equal the caller.</summary>
    [Parameter("address", "callerConfirmation", 2)]
    public string CallerConfirmation { get; set; } = string.Empty;
}
