namespace OrleansAI.Grains.Interfaces.Audit;

/// <summary>Actors and owners that are not clients.</summary>
public static class AuditActors
{
    /// <summary>The platform itself (a grain reading a dataset or a result, a silo signing with a chain key); also the owner of key material.</summary>
    public const string Platform = "platform";

    /// <summary>A caller whose key was refused.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor name of a provider.</summary>
    public static string Provider(string address) => $"provider:{address}";
}
