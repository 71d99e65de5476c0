using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>OpenZeppelin AccessControl <c>hasRole</c>.</summary>
[Function("hasRole", "bool")]
public sealed class HasRoleFunction : FunctionMessage
{
    /// <summary>Role id.</summary>
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    /// <summary>Account.</summary>
    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;
}
