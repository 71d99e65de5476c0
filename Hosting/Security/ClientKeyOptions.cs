namespace OrleansAI.Hosting.Security;

/// <summary>The clients allowed to use the client API (section <c>Clients</c>).</summary>
public sealed class ClientKeyOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Clients";

    /// <summary>Allowed clients and their key hashes.</summary>
    public List<ClientKey> Keys { get; } = [];
}
