namespace OrleansAI.Settlement;

/// <summary>
/// The AccessControl role ids the contracts use (<c>keccak256("…_ROLE")</c>; the admin role is zero).
/// </summary>
/// <remarks>
/// Computed here rather than read from each contract's constant getter: they are the same on every
/// contract, and a deployment script that grants roles should not need a round trip per role.
/// </remarks>
public static class Roles
{
    /// <summary>Grants and revokes the other roles; the deployer at first, later Governance.</summary>
    public static Bytes32 DefaultAdmin => Bytes32.Zero;

    /// <summary>Changes bounded parameters; held by Governance.</summary>
    public static Bytes32 Governor { get; } = Bytes32.Keccak("GOVERNOR_ROLE");

    /// <summary>Releases task payments, completes jobs, sets reputation, registers models.</summary>
    public static Bytes32 Platform { get; } = Bytes32.Keccak("PLATFORM_ROLE");

    /// <summary>Slashes providers (Staking).</summary>
    public static Bytes32 Slasher { get; } = Bytes32.Keccak("SLASHER_ROLE");

    /// <summary>Resolves disputes: job disputes (JobEscrow) and disputed slashes (Staking).</summary>
    public static Bytes32 Arbiter { get; } = Bytes32.Keccak("ARBITER_ROLE");

    /// <summary>The role's name for messages, or its hex id when it is not one of these.</summary>
    public static string NameOf(Bytes32 role) =>
        role == DefaultAdmin ? "DEFAULT_ADMIN_ROLE"
        : role == Governor ? "GOVERNOR_ROLE"
        : role == Platform ? "PLATFORM_ROLE"
        : role == Slasher ? "SLASHER_ROLE"
        : role == Arbiter ? "ARBITER_ROLE"
        : role.ToString();
}
