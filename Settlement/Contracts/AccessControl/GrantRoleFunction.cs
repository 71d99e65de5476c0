using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.AccessControl;

/// <summary>OpenZeppelin AccessControl <c>grantRole</c> (the role's admin only).</summary>
[Function("grantRole")]
public sealed class GrantRoleFunction : FunctionMessage
{
    /// <summary>Role id (see <see cref="Roles"/>).</summary>
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    /// <summary>Grantee.</summary>
    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;
}
