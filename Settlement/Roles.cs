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

    /// <summary>Changes bounded parameters and lifts a pause; held by Governance.</summary>
    public static Bytes32 Governor { get; } = Bytes32.Keccak("GOVERNOR_ROLE");

    /// <summary>Starts jobs, releases task payments, completes jobs, sets reputation, registers models. Never held by an arbiter (JobEscrow refuses).</summary>
    public static Bytes32 Platform { get; } = Bytes32.Keccak("PLATFORM_ROLE");

    /// <summary>Slashes providers (Staking). Never held by an arbiter (Staking refuses).</summary>
    public static Bytes32 Slasher { get; } = Bytes32.Keccak("SLASHER_ROLE");

    /// <summary>Resolves disputes: job disputes (JobEscrow) and disputed slashes (Staking). Governance or a key of its own, never the platform or slasher key.</summary>
    public static Bytes32 Arbiter { get; } = Bytes32.Keccak("ARBITER_ROLE");

    /// <summary>May pause (never unpause) Staking, Rewards, JobEscrow and ModelRegistry.</summary>
    public static Bytes32 Guardian { get; } = Bytes32.Keccak("GUARDIAN_ROLE");

    /// <summary>The role's name for messages, or its hex id when it is not one of these.</summary>
    public static string NameOf(Bytes32 role) =>
        role == DefaultAdmin ? "DEFAULT_ADMIN_ROLE"
        : role == Governor ? "GOVERNOR_ROLE"
        : role == Platform ? "PLATFORM_ROLE"
        : role == Slasher ? "SLASHER_ROLE"
        : role == Arbiter ? "ARBITER_ROLE"
        : role == Guardian ? "GUARDIAN_ROLE"
        : role.ToString();
}
