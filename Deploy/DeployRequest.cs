using System.Numerics;

namespace OrleansAI.Deploy;

/// <summary>One parsed <c>oai-deploy</c> command line: the subcommand and the values of its options.</summary>
/// <remarks>Options a subcommand does not take keep their defaults.</remarks>
public sealed record DeployRequest
{
    /// <summary>The subcommand: <c>deploy</c>, <c>check</c>, <c>stake-fleet</c>, <c>post-job</c>, <c>balances</c>, <c>address</c> or <c>certs</c>.</summary>
    public required string Command { get; init; }

    /// <summary><c>--rpc</c>: the chain's JSON-RPC address.</summary>
    public string? Rpc { get; init; }

    /// <summary><c>--out</c>: where the deployment file (deploy) or the certificates (certs) are written.</summary>
    public string? Out { get; init; }

    /// <summary><c>--file</c>: the deployment file read.</summary>
    public string? File { get; init; }

    /// <summary><c>--key</c>: the deployer's or funder's private key (hex).</summary>
    public string? Key { get; init; }

    /// <summary><c>--platform</c> (deploy): the platform role holder; the deployer when absent.</summary>
    public string? Platform { get; init; }

    /// <summary><c>--slasher</c> (deploy): the slasher role holder, a key of its own; none when absent.</summary>
    public string? Slasher { get; init; }

    /// <summary><c>--arbiter</c> (deploy): rules on disputes; Governance when absent.</summary>
    public string? Arbiter { get; init; }

    /// <summary><c>--guardian</c> (deploy): may pause; none when absent.</summary>
    public string? Guardian { get; init; }

    /// <summary><c>--treasury</c> (deploy): receives fees and slashed stake; the deployer when absent.</summary>
    public string? Treasury { get; init; }

    /// <summary><c>--if-missing</c> (deploy): keep an existing file whose contracts are still on the chain.</summary>
    public bool IfMissing { get; init; }

    /// <summary><c>--hand-admin-to-governance</c> (deploy): give <c>DEFAULT_ADMIN_ROLE</c> to Governance.</summary>
    public bool HandAdminToGovernance { get; init; }

    /// <summary><c>--simulated</c>: how many simulated providers.</summary>
    public int Simulated { get; init; }

    /// <summary><c>--seed</c>: the simulated fleet's seed (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary><c>--index</c> (address): which simulated provider.</summary>
    public int Index { get; init; }

    /// <summary><c>--job</c> (post-job): the platform's job id.</summary>
    public string? Job { get; init; }

    /// <summary><c>--budget</c> (post-job): the escrow in token wei.</summary>
    public BigInteger Budget { get; init; }

    /// <summary><c>--client-key</c> (post-job): the client wallet's private key (hex).</summary>
    public string? ClientKey { get; init; }

    /// <summary><c>--spec</c> (post-job): a file whose Keccak-256 is recorded as the job's spec hash.</summary>
    public string? Spec { get; init; }

    /// <summary><c>--name</c> (certs): names the server certificate carries besides the loopback ones.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
}
