using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>OpenZeppelin AccessControl <c>revokeRole</c>.</summary>
[Function("revokeRole")]
public sealed class RevokeRoleFunction : FunctionMessage
{
    /// <summary>Role id.</summary>
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    /// <summary>Account losing the role.</summary>
    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;
}
