using OrleansAI.Grains.Interfaces.Audit;
using OrleansAI.Hosting.Options;
using OrleansAI.Settlement.Deployment;

namespace OrleansAI.Hosting.Chain;

/// <summary>
/// One signer per chain role the silo plays, each from its own key, so a leaked key does only what
/// its role allows and each key keeps its own nonces: the platform (job starts, payments, reward
/// multipliers), the slasher, and, optionally, the arbiter carrying out operators' rulings.
/// </summary>
public sealed class ChainSigners
{
    /// <summary>Creates the signers the options name keys for (the platform key is required); every signature is told to <paramref name="audit"/>.</summary>
    public ChainSigners(ChainOptions options, DeploymentFile deployment, IAuditLog? audit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RpcUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PlatformKey);
        if (!options.KeysAreDistinct)
        {
            throw new InvalidOperationException("Chain:PlatformKey, Chain:SlasherKey and Chain:ArbiterKey must be different keys: one key per role.");
        }

        Deployment = deployment;
        Platform = new SettlementSigner(options.RpcUrl, options.ChainId, options.PlatformKey, Audited(audit, "platform"));
        Slasher = string.IsNullOrWhiteSpace(options.SlasherKey) ? null : new SettlementSigner(options.RpcUrl, options.ChainId, options.SlasherKey, Audited(audit, "slasher"));
        Arbiter = string.IsNullOrWhiteSpace(options.ArbiterKey) ? null : new SettlementSigner(options.RpcUrl, options.ChainId, options.ArbiterKey, Audited(audit, "arbiter"));
    }

    /// <summary>The deployment the signers act on.</summary>
    public DeploymentFile Deployment { get; }

    /// <summary>PLATFORM_ROLE: job starts, payouts, completions, reward multipliers.</summary>
    public SettlementSigner Platform { get; }

    /// <summary>SLASHER_ROLE on Staking; null when no slasher key is configured.</summary>
    public SettlementSigner? Slasher { get; }

    /// <summary>ARBITER_ROLE; null when rulings are made on chain by Governance or a multisig.</summary>
    public SettlementSigner? Arbiter { get; }

    // Each signature with a role's key is recorded under key/ROLE, owned by the platform (operators read it).
    private static SettlementSignerOptions Audited(IAuditLog? audit, string role) => new()
    {
        OnSigned = audit is null ? null : tx => audit.Record(new AuditEvent(
            AuditActors.Platform, AuditActions.KeySign, $"key/{role}", AuditActors.Platform, Environment.MachineName, true,
            $"{tx.Function} on {tx.Contract ?? "(deployment)"} by {tx.Signer}: {tx.Hash}")),
    };
}
