namespace OrleansAI.Hosting.Security;

/// <summary>One client allowed to use the API: its id and the SHA-256 (hex) of its API key. Keys themselves are never stored.</summary>
public sealed class ClientKey
{
    /// <summary>The client's id; jobs and models belong to it.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The client's wallet address: it funds the escrow of jobs with a budget. Optional.</summary>
    public string? Wallet { get; set; }

    /// <summary>The role that may decide disputed fraud cases (<see cref="Roles"/>).</summary>
    public const string OperatorRole = "operator";

    /// <summary>Roles beyond a client's own jobs and models; <see cref="OperatorRole"/> is the only one.</summary>
    public List<string> Roles { get; } = [];
}
